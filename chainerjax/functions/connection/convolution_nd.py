"""N-dimensional convolution (``convolution_nd``, ``convolution_1d``,
``convolution_3d``)."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import conv
from chainerjax.utils import type_check


def _dimension_numbers(nd):
    spec = tuple(range(nd + 2))
    return jax.lax.ConvDimensionNumbers(spec, spec, spec)


def _acc_type(dtype):
    # float16 products are accumulated in float32 (as cuDNN/NumPy do
    # effectively), then rounded back.
    return jnp.float32 if dtype == jnp.float16 else None


def conv_forward(x, W, b, stride, pad, cover_all, dilate, groups):
    """``y = conv(x, W) + b`` with Chainer's size arithmetic (NC... / OI...).

    ``cover_all`` pads ``stride - 1`` more elements on the high side, which
    is exactly what makes the output size Chainer's ``cover_all`` size.
    """
    nd = x.ndim - 2
    dtype = x.dtype
    W = W.astype(dtype)
    if cover_all:
        padding = [(p, p + s - 1) for p, s in zip(pad, stride)]
    else:
        padding = [(p, p) for p in pad]
    y = jax.lax.conv_general_dilated(
        x, W, window_strides=stride, padding=padding, rhs_dilation=dilate,
        dimension_numbers=_dimension_numbers(nd),
        feature_group_count=groups,
        preferred_element_type=_acc_type(dtype))
    y = y.astype(dtype)
    if b is not None:
        y = y + b.astype(dtype).reshape((1, -1) + (1,) * nd)
    return y


def check_out_size(x_shape, w_shape, stride, pad, cover_all, dilate, error):
    outs = tuple(
        conv.get_conv_outsize(size, k, s, p, cover_all, d)
        for size, k, s, p, d in zip(x_shape[2:], w_shape[2:], stride, pad,
                                    dilate))
    if any(o <= 0 for o in outs):
        raise error('Output sizes should be positive.')
    return outs


class ConvolutionND(function_node.FunctionNode):

    def __init__(self, ndim, stride=1, pad=0, cover_all=False,
                 dilate=1, groups=1):
        self.ndim = ndim
        self.stride = conv._as_tuple(stride, ndim)
        self.pad = conv._as_tuple(pad, ndim)
        self.cover_all = bool(cover_all)
        self.dilate = conv._as_tuple(dilate, ndim)
        self.groups = int(groups)

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == self.ndim + 2,
            w_type.ndim == self.ndim + 2,
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype.kind == 'f',
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        if x.shape[1] != W.shape[1] * self.groups:
            raise ValueError(
                'the number of input channels {} is not the number of '
                'channels of W ({}) times groups ({})'.format(
                    x.shape[1], W.shape[1], self.groups))
        if W.shape[0] % self.groups != 0:
            raise ValueError(
                'the number of output channels {} must be divisible by '
                'groups ({})'.format(W.shape[0], self.groups))
        check_out_size(x.shape, W.shape, self.stride, self.pad,
                       self.cover_all, self.dilate, AssertionError)
        return conv_forward(x, W, b, self.stride, self.pad, self.cover_all,
                            self.dilate, self.groups),


def convolution_nd(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """N-dimensional convolution.

    Args:
        x (Variable or array): input of shape ``(n, c_I, d_1, ..., d_N)``.
        W (Variable or array): weight of shape
            ``(c_O, c_I / groups, k_1, ..., k_N)``.
        b (Variable or array): bias of shape ``(c_O,)``, or None.
        stride (int or tuple of ints): stride of the filter.
        pad (int or tuple of ints): zero padding on both sides.
        cover_all (bool): if True, every input element is covered by some
            window (the output may grow by one along an axis).
        dilate (int or tuple of ints): dilation of the filter.
        groups (int): the number of channel groups.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, l_1, ..., l_N)``
        with ``l_i = get_conv_outsize(d_i, k_i, s_i, p_i, cover_all,
        dilate_i)``.
    """
    ndim = len(x.shape[2:])
    fnode = ConvolutionND(
        ndim, stride, pad, cover_all, dilate=dilate, groups=groups)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y


def _check_ndim(x, n):
    if len(x.shape[2:]) != n:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                n, len(x.shape[2:])))


def convolution_1d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """1-dimensional convolution (:func:`convolution_nd` with ``N = 1``)."""
    _check_ndim(x, 1)
    return convolution_nd(x, W, b, stride, pad, cover_all, dilate, groups)


def convolution_3d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """3-dimensional convolution (:func:`convolution_nd` with ``N = 3``)."""
    _check_ndim(x, 3)
    return convolution_nd(x, W, b, stride, pad, cover_all, dilate, groups)
