"""N-dimensional deconvolution (transposed convolution):
``deconvolution_nd``, ``deconvolution_1d``, ``deconvolution_3d``."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.connection import convolution_nd
from chainerjax.utils import conv
from chainerjax.utils import type_check


def deconv_outsizes(x_shape, w_shape, stride, pad, outsize, dilate):
    """The output sizes: ``outsize`` where given (per axis), otherwise
    ``get_deconv_outsize``; raises RuntimeError for a non-positive size."""
    outs = []
    for i, (size, k, s, p, d) in enumerate(zip(
            x_shape[2:], w_shape[2:], stride, pad, dilate)):
        out = None if outsize is None else outsize[i]
        if out is None:
            out = conv.get_deconv_outsize(size, k, s, p, d=d)
            if out <= 0:
                raise RuntimeError('Output sizes should be positive.')
        outs.append(out)
    return tuple(outs)


def check_outsize_type(in_types, stride, pad, outsize, dilate):
    if outsize is None:
        return
    x_type, w_type = in_types[:2]
    for i, (out, s, p, d) in enumerate(zip(outsize, stride, pad, dilate)):
        if out is None:
            continue
        lower_bound = conv.get_conv_outsize(
            out, w_type.shape[i + 2], s, p, d=d)
        upper_bound = conv.get_conv_outsize(
            out, w_type.shape[i + 2], s, p, cover_all=True, d=d)
        type_check.expect(
            lower_bound <= x_type.shape[i + 2],
            x_type.shape[i + 2] <= upper_bound)


def deconv_forward(x, W, b, stride, pad, outs, dilate, groups):
    """The transposed convolution of ``x`` with ``W`` of shape
    ``(c_I, c_O / groups, k_1, ..., k_N)``; output sizes ``outs``.

    It is written as a direct convolution of the stride-dilated input with
    the flipped, group-transposed filter; the high-side padding absorbs an
    ``outs`` larger (or smaller) than the default deconvolution size.
    """
    nd = x.ndim - 2
    dtype = x.dtype
    W = W.astype(dtype)
    c_in, c_out_g = W.shape[:2]
    ks = W.shape[2:]
    g = groups
    Wt = W.reshape((g, c_in // g, c_out_g) + ks)
    Wt = jnp.swapaxes(Wt, 1, 2).reshape((g * c_out_g, c_in // g) + ks)
    Wt = jnp.flip(Wt, axis=tuple(range(2, nd + 2)))
    padding = []
    for size, k, s, p, d, out in zip(x.shape[2:], ks, stride, pad, dilate,
                                     outs):
        dk = (k - 1) * d + 1
        extra = out - conv.get_deconv_outsize(size, k, s, p, d=d)
        padding.append((dk - 1 - p, dk - 1 - p + extra))
    lhs_dilation = tuple(stride)
    if any(s > 1 and (size - 1) * s + 1 == (k - 1) * d + 1
           for size, k, s, d in zip(x.shape[2:], ks, stride, dilate)):
        # XLA's CPU compiler aborts the process on a dilated input exactly
        # as large as the dilated filter (jaxlib 0.10): dilate it here
        x = jax.lax.pad(x, jnp.zeros((), dtype),
                        [(0, 0, 0), (0, 0, 0)] + [(0, 0, s - 1)
                                                  for s in stride])
        lhs_dilation = (1,) * nd
    y = jax.lax.conv_general_dilated(
        x, Wt, window_strides=(1,) * nd, padding=padding,
        lhs_dilation=lhs_dilation, rhs_dilation=dilate,
        dimension_numbers=convolution_nd._dimension_numbers(nd),
        feature_group_count=g,
        preferred_element_type=convolution_nd._acc_type(dtype))
    y = y.astype(dtype)
    if b is not None:
        y = y + b.astype(dtype).reshape((1, -1) + (1,) * nd)
    return y


def check_groups(x, W, b, groups):
    if x.shape[1] % groups != 0 or W.shape[0] % groups != 0:
        raise ValueError(
            'the number of input channels {} must be divisible by groups '
            '({})'.format(x.shape[1], groups))
    if b is not None and b.shape[0] != W.shape[1] * groups:
        raise ValueError(
            'the bias has {} elements for {} output channels'.format(
                b.shape[0], W.shape[1] * groups))


class DeconvolutionND(function_node.FunctionNode):

    cover_all = None

    def __init__(self, ndim, stride=1, pad=0, outsize=None,
                 dilate=1, groups=1):
        self.ndim = ndim
        self.stride = conv._as_tuple(stride, ndim)
        self.pad = conv._as_tuple(pad, ndim)
        if outsize is not None:
            assert len(outsize) == ndim
            outsize = tuple(outsize)
        self.outs = outsize
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
            x_type.shape[1] == w_type.shape[0],
        )
        check_outsize_type(in_types, self.stride, self.pad, self.outs,
                           self.dilate)
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype.kind == 'f',
                b_type.ndim == 1,
            )

    def forward(self, inputs):
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        check_groups(x, W, b, self.groups)
        outs = deconv_outsizes(x.shape, W.shape, self.stride, self.pad,
                               self.outs, self.dilate)
        return deconv_forward(x, W, b, self.stride, self.pad, outs,
                              self.dilate, self.groups),


def deconvolution_nd(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """N-dimensional deconvolution (the transpose of
    :func:`~chainerjax.functions.convolution_nd`).

    Args:
        x (Variable or array): input of shape ``(n, c_I, d_1, ..., d_N)``.
        W (Variable or array): weight of shape
            ``(c_I, c_O / groups, k_1, ..., k_N)``.
        b (Variable or array): bias of shape ``(c_O,)``, or None.
        stride (int or tuple of ints): stride.
        pad (int or tuple of ints): padding (removed from both sides of the
            output).
        outsize (None or tuple of ints): the output sizes; None computes
            ``get_deconv_outsize(d_i, k_i, s_i, p_i, d=dilate_i)``.
        dilate (int or tuple of ints): dilation of the filter.
        groups (int): the number of channel groups.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, l_1, ..., l_N)``.
    """
    ndim = len(x.shape[2:])
    func = DeconvolutionND(
        ndim, stride, pad, outsize, dilate=dilate, groups=groups)
    args = (x, W) if b is None else (x, W, b)
    y, = func.apply(args)
    return y


def deconvolution_1d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """1-dimensional deconvolution (:func:`deconvolution_nd`, ``N = 1``)."""
    convolution_nd._check_ndim(x, 1)
    return deconvolution_nd(x, W, b, stride, pad, outsize, dilate, groups)


def deconvolution_3d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """3-dimensional deconvolution (:func:`deconvolution_nd`, ``N = 3``)."""
    convolution_nd._check_ndim(x, 3)
    return deconvolution_nd(x, W, b, stride, pad, outsize, dilate, groups)
