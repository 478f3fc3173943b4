"""Extracting image patches into channels (im2col)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _pair(x):
    if hasattr(x, '__getitem__'):
        return tuple(x)
    return x, x


def _conv_outsize(size, k, s, p, cover_all, d):
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


class Im2Col(function_node.FunctionNode):

    def __init__(self, ksize, stride, pad, cover_all, dilate):
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.dy, self.dx = _pair(dilate)
        self.cover_all = cover_all

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(x_type.dtype.kind == 'f', x_type.ndim == 4)

    def forward(self, inputs):
        x, = inputs
        n, c, h, w = x.shape
        kh, kw, sy, sx = self.kh, self.kw, self.sy, self.sx
        dy, dx = self.dy, self.dx
        out_h = _conv_outsize(h, kh, sy, self.ph, self.cover_all, dy)
        out_w = _conv_outsize(w, kw, sx, self.pw, self.cover_all, dx)
        if out_h <= 0 or out_w <= 0:
            # Chainer fails with an assertion here.
            raise AssertionError(
                'Height and width in the output should be positive.')
        img = jnp.pad(x, ((0, 0), (0, 0), (self.ph, self.ph + sy - 1),
                          (self.pw, self.pw + sx - 1)))
        cols = []
        for j in range(kh):
            y0 = j * dy
            for i in range(kw):
                x0 = i * dx
                cols.append(img[:, :, y0:y0 + sy * out_h:sy,
                                x0:x0 + sx * out_w:sx])
        col = jnp.stack(cols, axis=2)  # (n, c, kh * kw, out_h, out_w)
        return col.reshape(n, c * kh * kw, out_h, out_w),


def im2col(x, ksize, stride=1, pad=0, cover_all=False, dilate=1):
    """Extracts the ``ksize`` patches of an image batch into channels.

    The output ``y`` of shape ``(n, c * kh * kw, out_h, out_w)`` holds in
    ``y[:, ci * kh * kw + ky * kw + kx, i, j]`` the pixel
    ``x[:, ci, i * sy + ky * dy - ph, j * sx + kx * dx - pw]`` (0 outside).

    Args:
        x (Variable or array): a float array of shape ``(n, c, h, w)``.
        ksize (int or pair of int): the patch size ``(kh, kw)``.
        stride (int or pair of int): the stride ``(sy, sx)``.
        pad (int or pair of int): the zero padding ``(ph, pw)``.
        cover_all (bool): make the patches cover the whole padded image
            (may give one more output row/column).
        dilate (int or pair of int): the dilation ``(dy, dx)``.

    Returns:
        ~chainerjax.Variable: the patches.
    """
    return Im2Col(ksize, stride, pad, cover_all, dilate).apply((x,))[0]
