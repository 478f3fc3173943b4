"""Two-dimensional deconvolution (transposed convolution)."""
from chainerjax import function_node
from chainerjax.functions.connection import deconvolution_nd
from chainerjax.utils import conv
from chainerjax.utils import type_check


class Deconvolution2DFunction(function_node.FunctionNode):

    cover_all = None

    def __init__(self, stride=1, pad=0, outsize=None, **kwargs):
        dilate, groups = conv._parse_kwargs(
            '__init__', kwargs, ('dilate', 1), ('groups', 1),
            deterministic=conv._DETERMINISTIC_MSG,
            requires_x_grad=conv._REQUIRES_X_GRAD_MSG)
        self.sy, self.sx = conv._pair(stride)
        self.ph, self.pw = conv._pair(pad)
        self.outh, self.outw = (None, None) if outsize is None else outsize
        self.dy, self.dx = conv._pair(dilate)
        self.groups = int(groups)
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
            x_type.shape[1] == w_type.shape[0],
        )
        deconvolution_nd.check_outsize_type(
            in_types, (self.sy, self.sx), (self.ph, self.pw),
            (self.outh, self.outw), (self.dy, self.dx))
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
            )

    def forward(self, inputs):
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        deconvolution_nd.check_groups(x, W, b, self.groups)
        stride, pad = (self.sy, self.sx), (self.ph, self.pw)
        dilate = (self.dy, self.dx)
        _, _, kh, kw = W.shape
        _, _, h, w = x.shape
        outh, outw = self.outh, self.outw
        if outh is None:
            outh = conv.get_deconv_outsize(h, kh, self.sy, self.ph,
                                           d=self.dy)
            if outh <= 0:
                raise RuntimeError('Height in the output must be positive.')
        if outw is None:
            outw = conv.get_deconv_outsize(w, kw, self.sx, self.pw,
                                           d=self.dx)
            if outw <= 0:
                raise RuntimeError('Width in the output must be positive.')
        return deconvolution_nd.deconv_forward(
            x, W, b, stride, pad, (outh, outw), dilate, self.groups),


def deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None, **kwargs):
    """deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None, *, \
dilate=1, groups=1)

    Two-dimensional deconvolution (the transpose of
    :func:`~chainerjax.functions.convolution_2d`).

    Args:
        x (Variable or array): input of shape ``(n, c_I, h, w)``.
        W (Variable or array): weight of shape
            ``(c_I, c_O / groups, k_H, k_W)``.
        b (Variable or array): bias of shape ``(c_O,)``, or None.
        stride (int or pair of ints): stride ``(s_Y, s_X)``.
        pad (int or pair of ints): padding ``(p_H, p_W)``.
        outsize (None or pair of ints): the output size ``(h_O, w_O)``; None
            uses ``get_deconv_outsize`` (also per element).
        dilate (int or pair of ints): keyword only; dilation of the filter.
        groups (int): keyword only; the number of channel groups.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, h_O, w_O)``.
    """
    if 'deterministic' in kwargs:
        raise ValueError(conv._DETERMINISTIC_MSG)
    dilate, groups = conv._parse_kwargs(
        'deconvolution_2d', kwargs, ('dilate', 1), ('groups', 1))
    func = Deconvolution2DFunction(stride, pad, outsize, dilate=dilate,
                                   groups=groups)
    args = (x, W) if b is None else (x, W, b)
    y, = func.apply(args)
    return y
