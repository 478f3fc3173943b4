"""Converters: turn a list of examples into batched arrays
(``chainer.dataset.convert``).

:func:`concat_examples` stacks examples (arrays, tuples of arrays or dicts
of arrays) along a new first axis, optionally padding them to a common
shape, and sends the result to a device. With ``device=None`` NumPy
examples give NumPy arrays and JAX examples give JAX arrays, as in Chainer.
"""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import backend
from chainerjax.backends import _cpu


class Converter(object):
    """Base class of converters.

    A converter is called as ``converter(batch, device)``, where ``batch``
    is a list of examples and ``device`` a :class:`~chainerjax.backend.Device`
    or None, and returns the arrays passed to the model.
    """

    def __call__(self, batch, device):
        """Converts ``batch`` and sends it to ``device``."""
        raise NotImplementedError(
            'Concrete class must implement __call__.')


class _ArbitraryCallableConverter(Converter):
    # A converter made by the ``converter`` decorator: the device argument
    # (second positional or ``device=``) is turned into a Device first.

    def __init__(self, base_callable):
        if not callable(base_callable):
            raise TypeError(
                'Can only wrap a callable. Actual: {}'.format(
                    type(base_callable)))
        self.base_callable = base_callable

    def __call__(self, *args, **kwargs):
        if len(args) >= 2:
            args = list(args)
            args[1] = _get_device(args[1])
        elif 'device' in kwargs:
            kwargs['device'] = _get_device(kwargs['device'])
        return self.base_callable(*args, **kwargs)


def converter():
    """Decorator that makes a function a :class:`Converter`.

    The decorated function receives its device argument as a
    :class:`~chainerjax.backend.Device` (or None) whatever specifier the
    caller passed.

    Example:
        >>> @chainer.dataset.converter()
        ... def my_converter(batch, device=None):
        ...     x = numpy.stack([b[0] for b in batch])
        ...     return chainer.dataset.to_device(device, x)
    """
    def wrap(func):
        return _ArbitraryCallableConverter(func)
    return wrap


def _call_converter(converter, batch, device):
    # Updaters and evaluators call converters through this: a Converter
    # gets the Device; a plain (legacy) function gets what Chainer passed
    # to it: -1 for NumPy, the GPU number for a GPU; other JAX devices are
    # passed as Device objects (Chainer had no equivalent).
    if isinstance(converter, Converter):
        return converter(batch, device)
    if device is None:
        return converter(batch, None)
    if device.xp is numpy:
        return converter(batch, -1)
    if getattr(device, 'platform', None) == 'gpu':
        return converter(batch, device.index)
    return converter(batch, device)


def _get_device(device_spec):
    if device_spec is None:
        return None
    return backend.get_device(device_spec)


def to_device(device, x):
    """Sends an array (or a list/tuple of arrays) to a device.

    Args:
        device: a device specifier (``-1``, ``'@numpy'``, ``0``,
            ``'@jax:cpu:0'``, a Device...) or None to leave ``x`` as it is.
        x: the array(s).

    Returns:
        The array(s) on ``device``.
    """
    device = _get_device(device)
    if device is None:
        return x
    return device.send(x)


def _send_new(device, x):
    # x (an array or a list of arrays) was made here and no one else holds
    # it: a JAX device may use it in place instead of copying it
    device = _get_device(device)
    if device is None:
        return x
    return device._send_new(x)


def _is_jax_array(x):
    return isinstance(x, (jax.Array, jax.core.Tracer))


def _concat_arrays(arrays, padding):
    if not isinstance(arrays[0], (numpy.ndarray, jax.Array)):
        # scalars (labels): this is already their concatenation
        arrays = numpy.asarray(arrays)
        if padding is None:
            return arrays
    if padding is not None:
        return _concat_arrays_with_padding(arrays, padding)
    if _is_jax_array(arrays[0]):
        return jnp.stack(arrays)
    first = arrays[0]
    shape = first.shape
    if type(first) is numpy.ndarray and shape and all(
            [type(a) is numpy.ndarray and a.shape == shape for a in arrays]):
        # into an aligned array, which XLA reads in place; examples of one
        # shape laid end to end along their first axis are their stack
        # (numpy.stack takes twice as long, adding an axis to each)
        out = _cpu.empty((len(arrays),) + shape, first.dtype)
        try:
            numpy.concatenate(arrays, out=out.reshape((-1,) + shape[1:]),
                              casting='no')
            return out
        except (TypeError, ValueError):
            pass  # other dtypes or shapes: as NumPy would (or its error)
    return numpy.concatenate([array[None] for array in arrays])


def _concat_arrays_with_padding(arrays, padding):
    shape = numpy.array(arrays[0].shape, dtype=int)
    for array in arrays[1:]:
        shape = numpy.maximum(shape, array.shape)
    shape = (len(arrays),) + tuple(int(s) for s in shape)
    dtype = arrays[0].dtype
    if _is_jax_array(arrays[0]):
        # JAX arrays are immutable: pad each example, then stack.
        padded = [
            jnp.pad(jnp.asarray(a, dtype),
                    [(0, size - dim) for size, dim in zip(shape[1:], a.shape)],
                    constant_values=padding)
            for a in arrays]
        return jnp.stack(padded)
    result = numpy.full(shape, padding, dtype=dtype)
    for i, src in enumerate(arrays):
        result[(i,) + tuple(slice(dim) for dim in src.shape)] = src
    return result


def concat_examples_func(batch, device=None, padding=None):
    """Concatenates a list of examples into batched arrays.

    Each example is an array, a tuple of arrays or a dict of arrays (all
    examples of one kind); the result is an array, a tuple of arrays or a
    dict of arrays whose first axis is the batch.

    Args:
        batch (list): the examples.
        device: where to send the result (a device specifier or a Device);
            None leaves the arrays where the examples are (NumPy examples
            give NumPy arrays).
        padding: None to require equal shapes; otherwise the value used to
            pad every example to the largest shape (one value, or a
            tuple/dict of values matching the examples' structure).

    Returns:
        An array, a tuple of arrays or a dict of arrays.

    Example:
        >>> x = [numpy.array([1, 2]), numpy.array([3])]
        >>> concat_examples(x, padding=0)
        array([[1, 2],
               [3, 0]])
    """
    if not batch:
        raise ValueError('batch is empty')
    first = batch[0]
    if isinstance(first, tuple):
        if not isinstance(padding, tuple):
            padding = [padding] * len(first)
        return tuple(_send_new(device, [
            _concat_arrays([example[i] for example in batch], padding[i])
            for i in range(len(first))]))
    if isinstance(first, dict):
        if not isinstance(padding, dict):
            padding = {key: padding for key in first}
        keys = list(first)
        arrays = _send_new(device, [
            _concat_arrays([example[key] for example in batch],
                           padding[key]) for key in keys])
        return dict(zip(keys, arrays))
    return _send_new(device, _concat_arrays(batch, padding))


concat_examples = _ArbitraryCallableConverter(concat_examples_func)


class ConcatWithAsyncTransfer(object):
    """A converter that concatenates examples and sends them to a device.

    In Chainer it copies each batch to the GPU on a separate CUDA stream
    through pinned memory, so that the next batch travels while the
    current one is computed. In chainerjax a transfer
    (``jax.device_put``) is already asynchronous: this converter is
    :func:`concat_examples` with Chainer's interface and checks. CUDA
    streams do not exist in JAX: ``stream`` and ``compute_stream`` are
    accepted and unused.

    Args:
        stream: unused (a CUDA stream in Chainer).
        compute_stream: unused (a CUDA stream in Chainer).
    """

    def __init__(self, stream=None, compute_stream=None):
        self._stream = stream
        self.compute_stream = compute_stream
        self._device = None
        self._started = False

    def __call__(self, batch, device=None, padding=None):
        """Concatenates ``batch`` and sends it to ``device``.

        Every call must use the device of the first call.

        Args:
            batch (list): the examples.
            device: the device (an int as in Chainer, or any device
                specifier); None leaves the arrays where they are.
            padding: as for :func:`concat_examples`.
        """
        if not batch:
            raise ValueError('batch is empty')
        target = _get_device(device)
        if not self._started:
            self._device = target
            self._started = True
        elif target != self._device:
            raise ValueError('device is different')
        return concat_examples_func(batch, target, padding)


class Conveyor(object):
    """Sends arrays to a device, handing them back in order.

    :meth:`put` starts a transfer and :meth:`get` returns the oldest
    transferred array. Chainer double-buffers through pinned memory on a
    CUDA stream; JAX transfers are asynchronous already, so this is a
    queue of :func:`to_device` results.

    Args:
        device: the destination (an int as in Chainer, or any device
            specifier); None leaves the arrays where they are.
        stream: unused (a CUDA stream in Chainer).
    """

    def __init__(self, device=None, stream=None):
        self._device = device
        self._stream = stream
        self._ret_array = []

    def put(self, array):
        """Starts sending ``array`` to the device."""
        self._ret_array.append(to_device(self._device, array))

    def get(self, sync=True):
        """Returns the oldest array sent by :meth:`put`.

        Args:
            sync (bool): wait until the transfer is complete.
        """
        array = self._ret_array.pop(0)
        if sync and _is_jax_array(array):
            array.block_until_ready()
        return array
