"""Unpooling (the transpose of sum pooling): ``unpooling_nd``,
``unpooling_1d``, ``unpooling_3d``."""
import jax.numpy as jnp

from chainerjax.functions.pooling import pooling_nd
from chainerjax.utils import conv
from chainerjax.utils import type_check


def unpool(x, ksize, stride, pad, outs):
    """Copies every input element to each position of its window of the
    output (``outs``), summing where windows overlap."""
    nd = len(ksize)
    reps = (1, 1) + tuple(ksize) + (1,) * nd
    col = jnp.tile(x.reshape(x.shape[:2] + (1,) * nd + x.shape[2:]), reps)
    return pooling_nd.col2im(col, stride, pad, x.shape[:2] + tuple(outs))


def unpool_outsizes(dims, ksize, stride, pad, outsize, cover_all):
    outs = []
    for i, (d, k, s, p) in enumerate(zip(dims, ksize, stride, pad)):
        out = None if outsize is None else outsize[i]
        if out is None:
            out = conv.get_deconv_outsize(d, k, s, p, cover_all=cover_all)
        outs.append(out)
    return tuple(outs)


def check_outsize_type(x_type, ksize, stride, pad, outsize, cover_all):
    if outsize is None:
        return
    for i, (out, k, s, p) in enumerate(zip(outsize, ksize, stride, pad)):
        if out is None:
            continue
        expected = conv.get_conv_outsize(out, k, s, p, cover_all=cover_all)
        type_check.expect(x_type.shape[2 + i] == expected)


class UnpoolingND(pooling_nd._PoolingND):

    def __init__(self, ndim, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(UnpoolingND, self).__init__(ndim, ksize, stride, pad, cover_all)
        self.outs = None if outsize is None else tuple(outsize)

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(n_in == 1)
        x_type = in_types[0]
        type_check._argname((x_type,), ('x',))
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2 + self.ndim,
        )
        if self.outs is not None:
            expected_dims = tuple(
                conv.get_conv_outsize(out, k, s, p, cover_all=self.cover_all)
                for (out, k, s, p)
                in zip(self.outs, self.ksize, self.stride, self.pad))
            type_check.expect(x_type.shape[2:] == expected_dims)

    def forward(self, inputs):
        x, = inputs
        outs = unpool_outsizes(x.shape[2:], self.ksize, self.stride,
                               self.pad, self.outs, self.cover_all)
        return unpool(x, self.ksize, self.stride, self.pad, outs),


def unpooling_nd(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """N-dimensional unpooling: the inverse of pooling in shape; each input
    element is copied to every position of its window (overlaps add up).

    Args:
        x (Variable or array): input of shape ``(n, c, d_1, ..., d_N)``.
        ksize (int or tuple of ints): window size.
        stride (int, tuple of ints or None): stride (None: ``ksize``).
        pad (int or tuple of ints): padding (removed from the output).
        outsize (None or tuple of ints): the output sizes; None computes
            ``get_deconv_outsize(d_i, k_i, s_i, p_i, cover_all)``.
        cover_all (bool): the ``cover_all`` of the matching pooling.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c, l_1, ..., l_N)``.
    """
    ndim = len(x.shape[2:])
    return UnpoolingND(
        ndim, ksize, stride, pad, outsize, cover_all).apply((x,))[0]


def _check_ndim(x, n):
    if len(x.shape[2:]) != n:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                n, len(x.shape[2:])))


def unpooling_1d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """1-dimensional unpooling (:func:`unpooling_nd` with ``N = 1``)."""
    _check_ndim(x, 1)
    return unpooling_nd(x, ksize, stride, pad, outsize, cover_all)


def unpooling_3d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """3-dimensional unpooling (:func:`unpooling_nd` with ``N = 3``)."""
    _check_ndim(x, 3)
    return unpooling_nd(x, ksize, stride, pad, outsize, cover_all)
