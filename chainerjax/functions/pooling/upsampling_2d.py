"""Upsampling with the argmax indexes of a max pooling."""
import jax
import numpy

from chainerjax import variable
from chainerjax.functions.pooling import pooling_nd
from chainerjax.functions.pooling import unpooling_nd
from chainerjax.utils import type_check


class Upsampling2D(pooling_nd._PoolingND):

    def __init__(self, indexes, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(Upsampling2D, self).__init__(2, ksize, stride, pad, cover_all)
        self.indexes = indexes
        self.outh, self.outw = (None, None) if outsize is None else outsize

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(n_in == 1)
        x_type = in_types[0]
        type_check._argname((x_type,), ('x',))
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.shape == self.indexes.shape,
        )
        unpooling_nd.check_outsize_type(
            x_type, self.ksize, self.stride, self.pad,
            (self.outh, self.outw), self.cover_all)

    def forward(self, inputs):
        x, = inputs
        outs = unpooling_nd.unpool_outsizes(
            x.shape[2:], self.ksize, self.stride, self.pad,
            (self.outh, self.outw), self.cover_all)
        k = self.ksize[0] * self.ksize[1]
        onehot = jax.nn.one_hot(self.indexes, k, axis=2, dtype=x.dtype)
        col = onehot * x[:, :, None]
        n, c, _, h, w = col.shape
        col = col.reshape((n, c) + self.ksize + (h, w))
        return pooling_nd.col2im(col, self.stride, self.pad,
                                 (n, c) + outs),


def upsampling_2d(
        x, indexes, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Upsampling with the window positions from a max pooling.

    Each input pixel is put at position ``indexes`` of its ``ksize`` window
    of the output (zeros elsewhere; overlaps add up): the inverse of
    :func:`max_pooling_2d` with ``return_indices=True``.

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        indexes (array): integer positions within each window (flattened,
            row-major), of the shape of ``x``.
        ksize (int or pair of ints): window size.
        stride (int, pair of ints or None): stride (None: ``ksize``).
        pad (int or pair of ints): padding.
        outsize (None or pair of ints): the output size; None computes
            ``get_deconv_outsize(h, k_H, s_Y, p_H, cover_all)``.
        cover_all (bool): the ``cover_all`` of the pooling.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c, h_O, w_O)``.
    """
    if isinstance(indexes, variable.Variable):
        indexes = indexes.array
    elif not isinstance(indexes, (numpy.ndarray, jax.Array)):
        indexes = numpy.asarray(indexes)
    return Upsampling2D(
        indexes, ksize, stride, pad, outsize, cover_all).apply((x,))[0]
