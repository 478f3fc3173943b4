"""Two-dimensional unpooling."""
from chainerjax.functions.pooling import pooling_nd
from chainerjax.functions.pooling import unpooling_nd
from chainerjax.utils import type_check


class Unpooling2D(pooling_nd._PoolingND):

    def __init__(self, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(Unpooling2D, self).__init__(2, ksize, stride, pad, cover_all)
        self.outh, self.outw = (None, None) if outsize is None else outsize

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(n_in == 1)
        x_type = in_types[0]
        type_check._argname((x_type,), ('x',))
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
        )
        unpooling_nd.check_outsize_type(
            x_type, self.ksize, self.stride, self.pad,
            (self.outh, self.outw), self.cover_all)

    def forward(self, inputs):
        x, = inputs
        outs = unpooling_nd.unpool_outsizes(
            x.shape[2:], self.ksize, self.stride, self.pad,
            (self.outh, self.outw), self.cover_all)
        return unpooling_nd.unpool(x, self.ksize, self.stride, self.pad,
                                   outs),


def unpooling_2d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Inverse of pooling in shape: each input pixel is copied to every
    position of its ``ksize`` window of the output (overlaps add up).

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        ksize (int or pair of ints): window size.
        stride (int, pair of ints or None): stride (None: ``ksize``).
        pad (int or pair of ints): padding (removed from the output).
        outsize (None or pair of ints): the output size ``(h_O, w_O)``;
            None computes ``get_deconv_outsize(h, k_H, s_Y, p_H,
            cover_all)`` (and likewise for the width).
        cover_all (bool): the ``cover_all`` of the matching pooling.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c, h_O, w_O)``.
    """
    return Unpooling2D(ksize, stride, pad, outsize, cover_all).apply((x,))[0]
