"""Two-dimensional convolution."""
from chainerjax import function_node
from chainerjax.functions.connection import convolution_nd
from chainerjax.utils import conv
from chainerjax.utils import type_check


class Convolution2DFunction(function_node.FunctionNode):

    def __init__(self, stride=1, pad=0, cover_all=False, **kwargs):
        dilate, groups, cudnn_fast = conv._parse_kwargs(
            '__init__', kwargs, ('dilate', 1), ('groups', 1),
            ('cudnn_fast', False),
            deterministic=conv._DETERMINISTIC_MSG,
            requires_x_grad=conv._REQUIRES_X_GRAD_MSG)
        self.sy, self.sx = conv._pair(stride)
        self.ph, self.pw = conv._pair(pad)
        self.cover_all = bool(cover_all)
        self.dy, self.dx = conv._pair(dilate)
        self.groups = int(groups)
        self.cudnn_fast = cudnn_fast
        if self.dx < 1 or self.dy < 1:
            raise ValueError('Dilate should be positive, but {} is '
                             'supplied.'.format(dilate))

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 4,
            w_type.ndim == 4,
            x_type.shape[1] == w_type.shape[1] * self.groups,
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        _, _, kh, kw = W.shape
        _, _, h, w = x.shape
        if conv.get_conv_outsize(h, kh, self.sy, self.ph, self.cover_all,
                                 self.dy) <= 0:
            raise RuntimeError('Height in the output should be positive.')
        if conv.get_conv_outsize(w, kw, self.sx, self.pw, self.cover_all,
                                 self.dx) <= 0:
            raise RuntimeError('Width in the output should be positive.')
        if W.shape[0] % self.groups != 0:
            raise ValueError(
                'the number of output channels {} must be divisible by '
                'groups ({})'.format(W.shape[0], self.groups))
        return convolution_nd.conv_forward(
            x, W, b, (self.sy, self.sx), (self.ph, self.pw), self.cover_all,
            (self.dy, self.dx), self.groups),


def convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False, **kwargs):
    """convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False, *, \
dilate=1, groups=1)

    Two-dimensional convolution.

    Args:
        x (Variable or array): input of shape ``(n, c_I, h, w)``.
        W (Variable or array): weight of shape
            ``(c_O, c_I / groups, k_H, k_W)``.
        b (Variable or array): bias of shape ``(c_O,)``, or None.
        stride (int or pair of ints): stride ``(s_Y, s_X)``.
        pad (int or pair of ints): zero padding ``(p_H, p_W)`` on both sides.
        cover_all (bool): if True, every input pixel is covered by some
            window (``stride - 1`` more padding on the high side).
        dilate (int or pair of ints): keyword only; dilation of the filter.
        groups (int): keyword only; the number of channel groups.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, h_O, w_O)`` with
        ``h_O = get_conv_outsize(h, k_H, s_Y, p_H, cover_all, d_Y)`` (and
        likewise ``w_O``).
    """
    dilate, groups, cudnn_fast = conv._parse_kwargs(
        'convolution_2d', kwargs, ('dilate', 1), ('groups', 1),
        ('cudnn_fast', False), deterministic=conv._DETERMINISTIC_MSG)
    fnode = Convolution2DFunction(stride, pad, cover_all, dilate=dilate,
                                  groups=groups, cudnn_fast=cudnn_fast)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y
