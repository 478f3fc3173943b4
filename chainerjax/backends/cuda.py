"""``chainer.backends.cuda`` on JAX.

Chainer's CUDA names map onto JAX's GPU devices: ``available`` is true when
JAX sees a GPU, ``to_gpu`` places arrays on a JAX GPU, ``to_cpu`` returns
NumPy arrays, and ``cupy`` is ``jax.numpy`` when a GPU is available. Raw CUDA
kernels (``elementwise``, ``reduce``, ``raw``) cannot run on JAX and raise
``NotImplementedError`` naming the replacement.
"""
import functools
import types

import jax
import jax.numpy as jnp
import numpy

from chainerjax import _backend
from chainerjax.backends import _cpu
from chainerjax.backends._jax import JaxDevice
from chainerjax.backends._jax import _platform_devices

_integer_types = (int, numpy.integer)

available = bool(_platform_devices('gpu'))
cudnn_enabled = False
cudnn = None
libcudnn = None

_NOT_AVAILABLE = (
    'CUDA environment is not correctly set up: JAX sees no GPU on this '
    'machine. Install a CUDA-enabled jax (pip install "jax[cuda12]") on a '
    'GPU machine, or keep the model on \'@numpy\' / \'@jax:cpu:0\'.')


def check_cuda_available():
    """Raises ``RuntimeError`` unless JAX sees a GPU."""
    if not available:
        raise RuntimeError(_NOT_AVAILABLE)


class _CupyUnavailable(types.ModuleType):
    """Stands in for ``cupy`` when JAX sees no GPU."""

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        raise RuntimeError(
            'cuda.cupy.{} is not available: {}'.format(name, _NOT_AVAILABLE))


if available:
    cupy = jnp
    ndarray = jax.Array
else:
    cupy = _CupyUnavailable('cupy')

    class ndarray(object):
        """Placeholder type: no GPU array exists without a GPU."""

        def __init__(self, *args, **kwargs):
            check_cuda_available()


class DummyDeviceType(object):
    """The 'no GPU' device Chainer returns for CPU arrays."""

    id = -1

    def __int__(self):
        return -1

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return None

    def use(self):
        return None

    def synchronize(self):
        return None

    def __eq__(self, other):
        return isinstance(other, DummyDeviceType)

    def __hash__(self):
        return hash(-1)


DummyDevice = DummyDeviceType()


class GpuDevice(JaxDevice):
    """A JAX GPU, under Chainer's ``GpuDevice`` name."""

    @staticmethod
    def from_device_id(device_id):
        check_cuda_available()
        return JaxDevice.from_spec('gpu', int(device_id))

    @staticmethod
    def from_array(array):
        device = JaxDevice.from_array(array)
        if device is not None and device.platform == 'gpu':
            return device
        return None


def get_device_from_id(device_id):
    """Returns the device object of GPU ``device_id`` (None: the dummy)."""
    if device_id is None:
        return DummyDevice
    if device_id < 0:
        return _cpu.CpuDevice()
    return GpuDevice.from_device_id(device_id)


def get_device_from_array(*arrays):
    """Returns the GPU device of the first JAX GPU array, else the dummy."""
    for array in arrays:
        device = GpuDevice.from_array(getattr(array, 'array', array))
        if device is not None:
            return device
    return DummyDevice


def get_device(*args):
    """Deprecated in Chainer: use ``chainer.get_device`` instead."""
    for arg in args:
        if isinstance(arg, _integer_types):
            return get_device_from_id(arg)
        device = GpuDevice.from_array(getattr(arg, 'array', arg))
        if device is not None:
            return device
    return DummyDevice


def _resolve_gpu(device):
    check_cuda_available()
    if device is None:
        return JaxDevice.from_spec('gpu', 0)
    if isinstance(device, JaxDevice):
        return device
    if isinstance(device, _integer_types):
        return JaxDevice.from_spec('gpu', int(device))
    from chainerjax import backend
    return backend.get_device(device)


def to_gpu(array, device=None, stream=None):
    """Copies an array (or list/tuple of arrays) to a JAX GPU.

    Raises:
        RuntimeError: when JAX sees no GPU.
    """
    target = _resolve_gpu(device)
    return _backend._convert_arrays(array, target.send_array)


def _one_to_cpu(array):
    from chainerjax import variable
    if isinstance(array, variable.Variable):
        raise TypeError(
            'cuda.to_cpu takes an array, not a Variable; '
            'use var.to_cpu() or cuda.to_cpu(var.array).')
    if isinstance(array, jax.core.Tracer):
        raise variable.TracedValueError(
            'cuda.to_cpu() was called on a traced value inside a jitted '
            'step: arrays cannot leave the device while compiling. Move '
            'the conversion out of the step, or report the value with '
            'chainer.report() instead.')
    return _cpu._array_to_cpu(array)


def to_cpu(array, stream=None):
    """Copies an array (or list/tuple of arrays) to host NumPy arrays."""
    return _backend._convert_arrays(array, _one_to_cpu)


def copy(array, out=None, out_device=None, stream=None):
    """Returns a copy of a GPU array, on ``out_device`` if given."""
    if out is not None:
        raise NotImplementedError(
            'cuda.copy(out=...) writes in place, which JAX arrays do not '
            'allow; use the returned copy instead.')
    target = _resolve_gpu(out_device) if out_device is not None else None
    result = jnp.array(array, copy=True)
    return target.send_array(result) if target is not None else result


def get_array_module(*args):
    """Same as :func:`chainerjax.backend.get_array_module`."""
    from chainerjax import backend
    return backend.get_array_module(*args)


def memoize(for_each_device=False):
    """Caches a function's result per argument tuple (Chainer's memoize)."""
    def decorator(f):
        return functools.lru_cache(maxsize=None)(f)
    return decorator


def clear_memo():
    """Kept for compatibility; memoized caches are cleared by the GC."""
    return None


def _raw_kernels_unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError(
            'cuda.{}() compiles a raw CUDA kernel through CuPy, which JAX '
            'cannot run. Express the computation with jax.numpy (it runs on '
            'every device), or write it as a FunctionNode whose forward uses '
            'jax.numpy.'.format(name))
    f.__name__ = name
    return f


elementwise = _raw_kernels_unsupported('elementwise')
reduce = _raw_kernels_unsupported('reduce')
raw = _raw_kernels_unsupported('raw')


def fuse(*args, **kwargs):
    """Returns the function itself: XLA fuses element-wise code already."""
    if len(args) == 1 and callable(args[0]) and not kwargs:
        return args[0]
    return lambda f: f


_max_workspace_size = 8 * 1024 * 1024


def get_max_workspace_size():
    """Kept for compatibility (cuDNN workspaces do not exist on JAX)."""
    return _max_workspace_size


def set_max_workspace_size(size):
    """Kept for compatibility (cuDNN workspaces do not exist on JAX)."""
    global _max_workspace_size
    _max_workspace_size = size


def should_use_cudnn(level, lowest_version=0):
    """Always False: chainerjax never calls cuDNN directly."""
    return False


def should_use_cudnn_tensor_core(dtype):
    """Always False: chainerjax never calls cuDNN directly."""
    return False


def using_allocator(allocator=None):
    """Kept for compatibility; JAX manages device memory itself."""
    import contextlib
    return contextlib.nullcontext()


def set_pinned_memory_allocator(*args, **kwargs):
    return None


Device = GpuDevice
