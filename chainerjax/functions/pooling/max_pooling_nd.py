"""Max pooling: ``max_pooling_nd``, ``max_pooling_1d``, ``max_pooling_2d``,
``max_pooling_3d``."""
import jax.numpy as jnp
import numpy

from chainerjax.functions.pooling import pooling_nd


class MaxPoolingND(pooling_nd._PoolingND):
    """Max over each window; padding is ``-inf``.

    The gradient goes to the first maximum of each window (row-major order
    in the window) as in Chainer; with ``return_indices`` a second, integer
    output holds that position (flattened within the window).
    """

    def forward(self, inputs):
        x, = inputs
        outs = pooling_nd.out_sizes(x.shape[2:], self.ksize, self.stride,
                                    self.pad, self.cover_all)
        col = pooling_nd.im2col(x, self.ksize, self.stride, self.pad, outs,
                                pval=-numpy.inf)
        n, c = x.shape[:2]
        col = col.reshape((n, c, -1) + outs)
        indexes = jnp.argmax(col, axis=2)
        y = jnp.take_along_axis(col, indexes[:, :, None], axis=2)[:, :, 0]
        if self.return_indices:
            return y, indexes
        return y,


def max_pooling_nd(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """N-dimensional max pooling.

    Args:
        x (Variable or array): input of shape ``(n, c, d_1, ..., d_N)``.
        ksize (int or tuple of ints): window size.
        stride (int, tuple of ints or None): stride (None: ``ksize``).
        pad (int or tuple of ints): ``-inf`` padding on both sides.
        cover_all (bool): if True (the default), every input element is in
            some window (the output may grow by one along an axis).
        return_indices (bool): also return the positions of the maxima
            within each window (an integer array of the output's shape, as
            :func:`upsampling_2d` takes).

    Returns:
        ~chainerjax.Variable, or a tuple ``(y, indexes)`` with
        ``return_indices``.
    """
    ndim = len(x.shape[2:])
    func = MaxPoolingND(ndim, ksize, stride, pad, cover_all, return_indices)
    if return_indices:
        y, indexes = func.apply((x,))
        return y, indexes.array
    return func.apply((x,))[0]


def _check_ndim(x, n):
    if len(x.shape[2:]) != n:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                n, len(x.shape[2:])))


def max_pooling_1d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """1-dimensional max pooling (:func:`max_pooling_nd`, ``N = 1``)."""
    _check_ndim(x, 1)
    return max_pooling_nd(x, ksize, stride, pad, cover_all, return_indices)


def max_pooling_2d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Spatial max pooling (:func:`max_pooling_nd` with ``N = 2``).

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        ksize (int or pair of ints): window size.
        stride (int, pair of ints or None): stride (None: ``ksize``).
        pad (int or pair of ints): ``-inf`` padding on both sides.
        cover_all (bool): if True (the default), every pixel is in some
            window.
        return_indices (bool): also return the argmax within each window.

    Returns:
        ~chainerjax.Variable, or ``(y, indexes)`` with ``return_indices``.
    """
    _check_ndim(x, 2)
    return max_pooling_nd(x, ksize, stride, pad, cover_all, return_indices)


def max_pooling_3d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """3-dimensional max pooling (:func:`max_pooling_nd`, ``N = 3``)."""
    _check_ndim(x, 3)
    return max_pooling_nd(x, ksize, stride, pad, cover_all, return_indices)
