"""Two-dimensional local (unshared-weight) convolution."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.pooling import pooling_nd
from chainerjax.utils import conv
from chainerjax.utils import type_check


class LocalConvolution2DFunction(function_node.FunctionNode):

    def __init__(self, stride=1):
        self.sy, self.sx = conv._pair(stride)

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 4,
            w_type.ndim == 6,
            x_type.shape[1] == w_type.shape[3],
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 3,
                b_type.shape == w_type.shape[:3]
            )

    def forward(self, inputs):
        x, W = inputs[:2]
        _, out_h, out_w, _, kh, kw = W.shape
        h, w = x.shape[2:]
        if (out_h - 1) * self.sy + kh > h or (out_w - 1) * self.sx + kw > w:
            raise ValueError(
                'the weight shape {} does not fit the input shape {} with '
                'stride {}'.format(W.shape, x.shape, (self.sy, self.sx)))
        col = pooling_nd.im2col(x, (kh, kw), (self.sy, self.sx), (0, 0),
                                (out_h, out_w))
        y = jnp.einsum('ncklij,oijckl->noij', col, W.astype(x.dtype))
        if len(inputs) == 3:
            y = y + inputs[2][None]
        return y,


def local_convolution_2d(x, W, b=None, stride=1):
    """Two-dimensional convolution with a separate filter at each output
    position.

    Args:
        x (Variable or array): input of shape ``(n, c_I, h, w)``.
        W (Variable or array): weight of shape
            ``(c_O, h_O, w_O, c_I, k_H, k_W)`` with
            ``h_O = (h - k_H) // s_Y + 1`` (no padding) and likewise
            ``w_O``.
        b (Variable or array): bias of shape ``(c_O, h_O, w_O)``, or None.
        stride (int or pair of ints): stride.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, h_O, w_O)``.
    """
    fnode = LocalConvolution2DFunction(stride)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y
