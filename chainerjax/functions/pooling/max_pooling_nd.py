"""Max pooling: ``max_pooling_nd``, ``max_pooling_1d``, ``max_pooling_2d``,
``max_pooling_3d``."""
import functools

import jax
import jax.numpy as jnp
from jax import lax
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
        y = _max_pool(x, self.ksize, self.stride, self.pad, outs)
        if self.return_indices:
            return y, _first_max_indexes(x, self.ksize, self.stride,
                                         self.pad, outs)
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


# ----- the kernels: max with Chainer's gradient rule ------------------

def _first_max_indexes(x, ksize, stride, pad, outs):
    """Position of the first maximum of each window, flattened within the
    window (row-major, ``-inf`` padding included), as Chainer's indexes."""
    col = pooling_nd.im2col(x, ksize, stride, pad, outs, pval=-numpy.inf)
    n, c = x.shape[:2]
    return jnp.argmax(col.reshape((n, c, -1) + outs), axis=2)


def _window_max(x, ksize, stride, pad, outs):
    # Low side: ``pad``; high side: what the last window needs beyond the
    # input (more than ``pad`` with ``cover_all``, none when the last
    # elements are in no window).
    padding = [(0, 0), (0, 0)]
    for d, k, s, p, out in zip(x.shape[2:], ksize, stride, pad, outs):
        padding.append((p, max(0, k + s * (out - 1) - d - p)))
    return lax.reduce_window(x, numpy.array(-numpy.inf, x.dtype), lax.max,
                             (1, 1) + ksize, (1, 1) + stride, padding)


# Chainer's gradient of max pooling: each window's gradient goes to its
# first maximum, summed over overlapping windows. JAX's own gradient of
# ``reduce_window`` max (XLA's select-and-scatter, ``>=`` selection) does
# exactly this, but the gradient of that gradient (select-and-gather) may
# pick another maximum on ties; so both levels are pinned here: the
# gradient of ``_max_pool`` is ``_max_unpool``, whose gradient with respect
# to ``gy`` gathers at Chainer's indexes (and is zero with respect to x).
# (A custom VJP has no forward mode: ``jax.jvp`` through max pooling
# raises; Chainer has no forward mode either.)
@functools.partial(jax.custom_vjp, nondiff_argnums=(1, 2, 3, 4))
def _max_pool(x, ksize, stride, pad, outs):
    return _window_max(x, ksize, stride, pad, outs)


def _max_pool_fwd(x, ksize, stride, pad, outs):
    return _window_max(x, ksize, stride, pad, outs), x


def _max_pool_bwd(ksize, stride, pad, outs, x, gy):
    return _max_unpool(x, gy, ksize, stride, pad, outs),


_max_pool.defvjp(_max_pool_fwd, _max_pool_bwd)


@functools.partial(jax.custom_vjp, nondiff_argnums=(2, 3, 4, 5))
def _max_unpool(x, gy, ksize, stride, pad, outs):
    _, vjp = jax.vjp(lambda x: _window_max(x, ksize, stride, pad, outs), x)
    return vjp(gy)[0]


def _max_unpool_fwd(x, gy, ksize, stride, pad, outs):
    return _max_unpool(x, gy, ksize, stride, pad, outs), x


def _max_unpool_bwd(ksize, stride, pad, outs, x, ggx):
    indexes = _first_max_indexes(x, ksize, stride, pad, outs)
    col = pooling_nd.im2col(ggx, ksize, stride, pad, outs)
    col = col.reshape(indexes.shape[:2] + (-1,) + outs)
    ggy = jnp.take_along_axis(col, indexes[:, :, None], axis=2)[:, :, 0]
    return jnp.zeros_like(x), ggy


_max_unpool.defvjp(_max_unpool_fwd, _max_unpool_bwd)
