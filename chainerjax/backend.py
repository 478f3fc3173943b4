"""Device specifiers, array modules and transfers (``chainer.backend``).

Specifiers understood by :func:`get_device`:

* ``'@numpy'``, ``-1`` or ``'-1'``: :class:`CpuDevice` (NumPy arrays);
* ``'@jax'``, ``'@jax:cpu:0'``, ``'@jax:gpu:1'``, ``'@jax:tpu:0'``:
  :class:`JaxDevice` (``jax.Array`` on that device);
* ``'@cupy:N'``, ``N >= 0`` or ``'N'``: JAX GPU ``N`` (Chainer's CuPy
  devices map onto JAX's GPUs);
* a ``jax.Device`` or a :class:`Device`, returned as a device object.
"""
import contextlib
import threading

import jax
import jax.numpy as jnp
import numpy

from chainerjax._backend import Device  # NOQA
from chainerjax.backends import _cpu
from chainerjax.backends._cpu import CpuDevice  # NOQA
from chainerjax.backends._jax import JaxDevice  # NOQA

_integer_types = (int, numpy.integer)
_cpu_device = CpuDevice()
_thread_local = threading.local()


def _get_device_from_int(device_id):
    if device_id < 0:
        return _cpu_device
    return JaxDevice.from_spec('gpu', device_id)


def get_device(device_spec):
    """Returns the :class:`Device` that ``device_spec`` names.

    Args:
        device_spec: a :class:`Device`, a ``jax.Device``, an integer (``-1``
            for NumPy, ``N >= 0`` for GPU ``N``) or a string such as
            ``'@numpy'``, ``'@cupy:0'`` or ``'@jax:gpu:0'``.

    Raises:
        ValueError: for a malformed specifier.
        RuntimeError: when the named device does not exist here.
    """
    if isinstance(device_spec, Device):
        return device_spec
    if isinstance(device_spec, bool):
        raise TypeError('A bool is not a device specifier.')
    if isinstance(device_spec, _integer_types):
        return _get_device_from_int(int(device_spec))
    if isinstance(device_spec, jax.Device):
        return JaxDevice(device_spec)
    if isinstance(device_spec, str):
        try:
            device_id = int(device_spec)
        except ValueError:
            pass
        else:
            return _get_device_from_int(device_id)
        if device_spec.startswith('@'):
            module, colon, rest = device_spec[1:].partition(':')
            if module == 'numpy' and not colon:
                return _cpu_device
            if module == 'cupy' and colon and rest.isdigit():
                return JaxDevice.from_spec('gpu', int(rest))
            if module == 'jax':
                if not colon:
                    return JaxDevice(jax.devices()[0])
                platform, colon2, index = rest.partition(':')
                if platform in ('cpu', 'gpu', 'cuda', 'rocm', 'tpu') and (
                        not colon2 or index.isdigit()):
                    if platform in ('cuda', 'rocm'):
                        platform = 'gpu'
                    return JaxDevice.from_spec(
                        platform, int(index) if colon2 else 0)
            if module == 'intel64' and not colon:
                raise RuntimeError(
                    'iDeep (\'@intel64\') is not supported by chainerjax; '
                    'use \'@numpy\' or \'@jax:cpu:0\'.')
            raise ValueError(
                'Device specifiers starting with \'@\' must be followed by a '
                'module name and, depending on the module, a precise device '
                'specifier (\'@numpy\', \'@cupy:0\', \'@jax:cpu:0\', '
                '\'@jax:gpu:0\', \'@jax:tpu:0\'). Actual: {}'.format(
                    device_spec))
        raise RuntimeError(
            'Tried to parse ChainerX device specifier \'{}\', but ChainerX is '
            'not available in chainerjax. Use \'@numpy\' or a JAX device '
            'such as \'@jax:cpu:0\' or \'@jax:gpu:0\' instead.'.format(
                device_spec))
    raise TypeError(
        'Device specifier must be a backend.Device, a jax.Device, an integer '
        'or a string. Actual: {}'.format(type(device_spec)))


def _current_device():
    return getattr(_thread_local, 'device', None)


@contextlib.contextmanager
def using_device(device_spec):
    """Context manager that makes a device current.

    Arrays created by ``jax.numpy`` inside the context go to that device.
    As in Chainer, the ``with`` target is what the device's context gives
    (None for ``'@numpy'``).

    Args:
        device_spec: anything :func:`get_device` accepts.
    """
    device = get_device(device_spec)
    previous = _current_device()
    _thread_local.device = device
    try:
        with device.create_context() as ctx:
            yield ctx
    finally:
        _thread_local.device = previous


def _is_jax_array(x):
    return isinstance(x, (jax.Array, jax.core.Tracer))


def get_array_module(*args):
    """Returns ``jax.numpy`` if any argument is a JAX array, else ``numpy``.

    Variables count by the arrays they hold: a Variable on ``'@numpy'``
    gives ``numpy``, one on a JAX device gives ``jax.numpy``.
    """
    from chainerjax import variable
    for arg in args:
        if isinstance(arg, variable.Variable):
            if not arg._device._is_numpy:
                return jnp
            if _is_tracer(arg._data):
                return jnp
        elif _is_jax_array(arg):
            return jnp
    return numpy


def _is_tracer(x):
    return isinstance(x, jax.core.Tracer)


def get_device_from_array(*arrays):
    """Returns the device of the first array that belongs to a device.

    NumPy arrays give :class:`CpuDevice`; JAX arrays give their
    :class:`JaxDevice`. With no array, :class:`CpuDevice` is returned.
    """
    for array in arrays:
        if isinstance(array, numpy.ndarray):
            return _cpu_device
        if _is_jax_array(array):
            return JaxDevice.from_array(array)
    return _cpu_device


def copyto(dst, src):
    """Copies the elements of ``src`` into the NumPy array ``dst``.

    JAX arrays are immutable, so ``dst`` must be a NumPy array; to replace
    the contents of a JAX-backed Variable, assign ``var.array = src``.
    """
    if isinstance(dst, numpy.ndarray):
        _cpu.write_into(dst, src)
        return
    raise TypeError(
        'copyto can only write into a numpy.ndarray (JAX arrays are '
        'immutable); got {}. Assign a new array instead, e.g. '
        'var.array = src.'.format(type(dst)))


def _contains_nan(x):
    if x is None:
        return False
    if isinstance(x, numpy.ndarray):
        return x.dtype.kind in 'fc' and bool(numpy.isnan(x).any())
    if getattr(x, 'dtype', None) is not None and x.dtype.kind in 'fc':
        return bool(jnp.isnan(x).any())
    return False


def is_arrays_compatible(arrays):
    """True if all given arrays (None ignored) are of one backend kind."""
    arrays = [a for a in arrays if a is not None]
    if not arrays:
        return True
    first_numpy = isinstance(arrays[0], numpy.ndarray)
    return all(isinstance(a, numpy.ndarray) == first_numpy for a in arrays)


def get_array_types():
    """The array types chainerjax accepts: NumPy and JAX arrays."""
    return (numpy.ndarray, jax.Array)
