"""Spatial average pooling."""
import numpy

from chainerjax.functions.pooling import average_pooling_nd
from chainerjax.functions.pooling import pooling_nd
from chainerjax.utils import type_check


class AveragePooling2D(pooling_nd._PoolingND):
    """Mean over each window; the zero padding counts (the divisor is always
    ``k_H * k_W``), as in Chainer."""

    def __init__(self, ksize, stride=None, pad=0, cover_all=False,
                 return_indices=False):
        super(AveragePooling2D, self).__init__(
            2, ksize, stride, pad, cover_all, return_indices)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types.size() == 1,
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 4
        )

    def forward(self, inputs):
        x, = inputs
        pooling_nd.out_sizes(x.shape[2:], self.ksize, self.stride, self.pad,
                             False)
        y = average_pooling_nd.window_sum(x, self.ksize, self.stride,
                                          self.pad)
        return y / x.dtype.type(numpy.prod(self.ksize)),


def average_pooling_2d(x, ksize, stride=None, pad=0):
    """Spatial average pooling.

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        ksize (int or pair of ints): window size.
        stride (int, pair of ints or None): stride (None: ``ksize``).
        pad (int or pair of ints): zero padding on both sides; the padding
            is averaged in (the divisor is always ``k_H * k_W``).

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c, h_O, w_O)`` with
        ``h_O = get_conv_outsize(h, k_H, s_Y, p_H)``.
    """
    return AveragePooling2D(ksize, stride, pad, False).apply((x,))[0]
