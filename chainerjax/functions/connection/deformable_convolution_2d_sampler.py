"""Deformable convolution (the sampler part)."""
import numpy

from chainerjax import variable
from chainerjax.utils import conv


def _as_var(x):
    return x if isinstance(x, variable.Variable) else variable.Variable(
        x, requires_grad=False)


def deformable_convolution_2d_sampler(x, offset, W, b=None, stride=1, pad=0):
    """Two-dimensional deformable convolution with given offsets.

    The input is sampled bilinearly (with
    :func:`~chainerjax.functions.spatial_transformer_sampler`) at the
    regular convolution positions moved by ``offset``, and the samples are
    multiplied with ``W``.

    Args:
        x (Variable or array): input of shape ``(n, c_I, h, w)``.
        offset (Variable or array): offsets of shape
            ``(n, 2 * k_H * k_W, h_O, w_O)``: first the x offsets of the
            ``k_H * k_W`` kernel positions, then the y offsets.
        W (Variable or array): weight of shape ``(c_O, c_I, k_H, k_W)``.
        b (Variable or array): bias of shape ``(c_O,)``, or None.
        stride (int or pair of ints): stride.
        pad (int or pair of ints): zero padding on both sides.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, h_O, w_O)``.
    """
    from chainerjax import functions as F
    sy, sx = conv._pair(stride)
    ph, pw = conv._pair(pad)
    out_c, _, kh, kw = W.shape
    n, c, h, w = x.shape
    _, khkw2, out_h, out_w = offset.shape
    if khkw2 != 2 * kh * kw:
        raise ValueError(
            'The shape of the offset does not match the kernel size')
    grid = _offset2grid(_as_var(offset), kh, kw, sy, sx, ph, pw, h, w)
    grid = F.reshape(grid, (n, 2, kh * kw, out_h * out_w))
    x_pad = F.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), 'constant')
    x_st = F.spatial_transformer_sampler(x_pad, grid)
    x_st = F.reshape(F.transpose(x_st, (0, 3, 1, 2)),
                     (n * out_h * out_w, c * kh * kw))
    W = F.reshape(F.transpose(W, (1, 2, 3, 0)), (c * kh * kw, out_c))
    y = F.matmul(x_st, W)
    y = F.transpose(F.reshape(y, (n, out_h, out_w, out_c)), (0, 3, 1, 2))
    if b is not None:
        b = F.broadcast_to(F.reshape(b, (1, -1, 1, 1)), y.shape)
        y = y + b
    return y


def _offset2grid(offset, kh, kw, sy, sx, ph, pw, h, w):
    """The sampling grid in ``[-1, 1]`` coordinates, shape
    ``(n, 2 * k_H * k_W, h_O, w_O)`` (x coordinates first)."""
    from chainerjax import functions as F
    n, khkw2, out_h, out_w = offset.shape
    khkw = khkw2 // 2
    # The grid is float32, as in Chainer.
    ys, xs = numpy.meshgrid(
        numpy.arange(0, sy * out_h, sy, dtype=numpy.float32),
        numpy.arange(0, sx * out_w, sx, dtype=numpy.float32), indexing='ij')
    filter_offset_x = numpy.tile(numpy.arange(kw, dtype=numpy.float32), kh)
    filter_offset_y = numpy.repeat(numpy.arange(kh, dtype=numpy.float32), kw)
    base_x = (xs[None, None] + filter_offset_x[None, :, None, None])
    base_y = (ys[None, None] + filter_offset_y[None, :, None, None])
    dtype = offset.dtype
    x_coord = offset[:, :khkw] + base_x.astype(dtype)
    y_coord = offset[:, khkw:] + base_y.astype(dtype)
    x_coord = (x_coord / dtype.type(w + 2 * pw - 1) - dtype.type(0.5)) \
        * dtype.type(2)
    y_coord = (y_coord / dtype.type(h + 2 * ph - 1) - dtype.type(0.5)) \
        * dtype.type(2)
    return F.concat([x_coord, y_coord], axis=1)
