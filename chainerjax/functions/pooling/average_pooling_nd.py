"""Average pooling: ``average_pooling_nd``, ``average_pooling_1d``,
``average_pooling_3d``."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax.functions.pooling import pooling_nd


def window_sum(x, ksize, stride, pad):
    return jax.lax.reduce_window(
        x, x.dtype.type(0), jax.lax.add,
        (1, 1) + tuple(ksize), (1, 1) + tuple(stride),
        ((0, 0), (0, 0)) + tuple((p, p) for p in pad))


def window_count(dims, ksize, stride, pad):
    """The number of non-padding elements of each window (NumPy)."""
    count = numpy.ones((), numpy.int64)
    for d, k, s, p in zip(dims, ksize, stride, pad):
        out = (d + 2 * p - k) // s + 1
        starts = numpy.arange(out) * s - p
        ends = numpy.minimum(starts + k, d)
        w = ends - numpy.maximum(starts, 0)
        count = numpy.multiply.outer(count, w)
    return count


class AveragePoolingND(pooling_nd._PoolingND):
    """Mean over each window; with ``pad_value=0`` the padding counts (the
    divisor is the window size), with ``pad_value=None`` it does not."""

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=False,
                 pad_value=0):
        if not (pad_value is None or pad_value == 0):
            raise ValueError(
                'pad_value must be either 0 or None, not {}.'.format(
                    pad_value))
        if cover_all is True:
            raise ValueError('`cover_all` mode is not supported yet.')
        super(AveragePoolingND, self).__init__(
            ndim, ksize, stride=stride, pad=pad, cover_all=cover_all)
        self.pad_value = pad_value

    def forward(self, inputs):
        x, = inputs
        pooling_nd.out_sizes(x.shape[2:], self.ksize, self.stride, self.pad,
                             False)
        y = window_sum(x, self.ksize, self.stride, self.pad)
        if self.pad_value is None:
            count = window_count(x.shape[2:], self.ksize, self.stride,
                                 self.pad)
            return y / jnp.asarray(count, x.dtype),
        return y / x.dtype.type(numpy.prod(self.ksize)),


def average_pooling_nd(x, ksize, stride=None, pad=0, pad_value=0):
    """N-dimensional average pooling.

    Args:
        x (Variable or array): input of shape ``(n, c, d_1, ..., d_N)``.
        ksize (int or tuple of ints): window size.
        stride (int, tuple of ints or None): stride (None: ``ksize``).
        pad (int or tuple of ints): padding on both sides.
        pad_value (0 or None): 0 averages the padding in as zeros (divisor:
            the window size); None leaves it out (divisor: the number of
            input elements in the window).

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c, l_1, ..., l_N)``.
    """
    ndim = len(x.shape[2:])
    return AveragePoolingND(
        ndim, ksize, stride=stride, pad=pad, pad_value=pad_value
    ).apply((x,))[0]


def _check_ndim(x, n):
    if len(x.shape[2:]) != n:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                n, len(x.shape[2:])))


def average_pooling_1d(x, ksize, stride=None, pad=0, pad_value=0):
    """1-dimensional average pooling (:func:`average_pooling_nd`)."""
    _check_ndim(x, 1)
    return average_pooling_nd(x, ksize, stride, pad, pad_value)


def average_pooling_3d(x, ksize, stride=None, pad=0, pad_value=0):
    """3-dimensional average pooling (:func:`average_pooling_nd`)."""
    _check_ndim(x, 3)
    return average_pooling_nd(x, ksize, stride, pad, pad_value)
