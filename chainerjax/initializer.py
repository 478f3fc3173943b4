"""The Initializer base class (``chainer.Initializer``)."""
import numpy


class Initializer(object):
    """Fills an array with initial values.

    Chainer's initializers write into the array they are given; chainerjax
    keeps that for NumPy arrays. For JAX devices use
    :func:`chainerjax.initializers.generate_array`, which fills a host array
    and sends it to the device.

    Args:
        dtype: the dtype of the arrays this initializer makes (None: any).
    """

    def __init__(self, dtype=None):
        self.dtype = dtype

    def __call__(self, array):
        """Fills ``array`` (a ``numpy.ndarray``) in place."""
        raise NotImplementedError(
            'Initializer subclasses must implement __call__(array).')


def get_fans(shape):
    """Returns ``(fan_in, fan_out)`` of a weight of ``shape``."""
    if not isinstance(shape, tuple):
        raise ValueError(
            'shape must be tuple. Actual type: {}'.format(type(shape)))
    if len(shape) < 2:
        raise ValueError(
            'shape must be of length >= 2. Actual shape: {}'.format(shape))
    receptive = int(numpy.prod(shape[2:], dtype=numpy.int64))
    return shape[1] * receptive, shape[0] * receptive


def _check_writable(array, name):
    if not isinstance(array, numpy.ndarray):
        raise TypeError(
            '{} fills NumPy arrays in place; JAX arrays are immutable. Use '
            'chainer.initializers.generate_array(initializer, shape, xp, '
            'device=...) to make an initialized array on a JAX '
            'device.'.format(name))
