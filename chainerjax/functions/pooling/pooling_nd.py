"""Shared pieces of the pooling functions: the base node and the
patch (im2col) / overlap-add (col2im) helpers, with Chainer's layout
``(n, c, k_1, ..., k_N, out_1, ..., out_N)``."""
import itertools

import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import conv
from chainerjax.utils import type_check


def im2col(x, ksize, stride, pad, outs, pval=0):
    """Patches of ``x`` (zero/``pval`` padding ``pad`` on the low side and
    as much as needed on the high side), shape
    ``(n, c) + ksize + outs``."""
    pad_width = [(0, 0), (0, 0)]
    for size, k, s, p, out in zip(x.shape[2:], ksize, stride, pad, outs):
        need = (k - 1) + s * (out - 1) + 1
        pad_width.append((p, max(p + s - 1, need - size - p)))
    xp = jnp.pad(x, pad_width, constant_values=jnp.asarray(pval, x.dtype))
    cols = []
    for offsets in itertools.product(*[range(k) for k in ksize]):
        index = (slice(None), slice(None)) + tuple(
            slice(o, o + s * (out - 1) + 1, s)
            for o, s, out in zip(offsets, stride, outs))
        cols.append(xp[index])
    col = jnp.stack(cols, axis=2)
    return col.reshape(col.shape[:2] + tuple(ksize) + col.shape[3:])


def col2im(col, stride, pad, img_shape):
    """The transpose of :func:`im2col`: adds each patch back at its place
    (overlaps are summed, padding dropped); output shape ``img_shape``."""
    nd = len(img_shape) - 2
    ksize = col.shape[2:2 + nd]
    outs = col.shape[2 + nd:]

    def f(img):
        return im2col(img, ksize, stride, pad, outs)

    transpose = jax.linear_transpose(
        f, jax.ShapeDtypeStruct(tuple(img_shape), col.dtype))
    return transpose(col)[0]


def out_sizes(dims, ksize, stride, pad, cover_all):
    outs = tuple(conv.get_conv_outsize(d, k, s, p, cover_all)
                 for d, k, s, p in zip(dims, ksize, stride, pad))
    assert all(o > 0 for o in outs), 'Output sizes should be positive.'
    return outs


class _PoolingND(function_node.FunctionNode):
    """Base of the pooling nodes over ``ndim`` spatial axes."""

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=True,
                 return_indices=False):
        if stride is None:
            stride = ksize
        if ndim <= 0:
            raise ValueError(
                'pooling operation requires at least one spatial dimension.')
        self.ndim = ndim
        self.ksize = conv._as_tuple(ksize, ndim)
        self.stride = conv._as_tuple(stride, ndim)
        self.pad = conv._as_tuple(pad, ndim)
        self.cover_all = bool(cover_all)
        self.return_indices = bool(return_indices)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types.size() == 1,
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 2 + self.ndim,
            in_types[0].size > 0,
        )
