"""Resizing images (bilinear or nearest-neighbour)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _indices_and_weights(out_size, in_size, mode, align_corners):
    # Host-side (NumPy, float64) sampling positions, as Chainer's.
    out_H, out_W = out_size
    H, W = in_size
    if mode == 'bilinear':
        if align_corners:
            v = numpy.linspace(0, H - 1, num=out_H, dtype=numpy.float64)
            u = numpy.linspace(0, W - 1, num=out_W, dtype=numpy.float64)
        else:
            v = (numpy.arange(out_H, dtype=numpy.float64) + 0.5) * \
                (H / out_H) - 0.5
            v = numpy.maximum(v, 0)
            u = (numpy.arange(out_W, dtype=numpy.float64) + 0.5) * \
                (W / out_W) - 0.5
            u = numpy.maximum(u, 0)
        vw, v = numpy.modf(v)
        uw, u = numpy.modf(u)
    else:
        v = numpy.minimum(numpy.floor(
            numpy.arange(out_H, dtype=numpy.float64) * (H / out_H)), H - 1)
        u = numpy.minimum(numpy.floor(
            numpy.arange(out_W, dtype=numpy.float64) * (W / out_W)), W - 1)
        vw = numpy.zeros_like(v)
        uw = numpy.zeros_like(u)
    return v.astype(numpy.intp), u.astype(numpy.intp), vw, uw


class ResizeImages(function_node.FunctionNode):

    def __init__(self, output_shape, mode, align_corners):
        self.out_H = output_shape[0]
        self.out_W = output_shape[1]
        if mode not in ['bilinear', 'nearest']:
            # Chainer fails with a bare assert here.
            raise AssertionError(
                "mode must be 'bilinear' or 'nearest'; got {!r}".format(mode))
        self.mode = mode
        self.align_corners = align_corners

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype == numpy.float32,
            x_type.ndim == 4
        )

    def forward(self, inputs):
        x, = inputs
        H, W = x.shape[2:]
        v, u, vw, uw = _indices_and_weights(
            (self.out_H, self.out_W), (H, W), self.mode, self.align_corners)
        v1 = numpy.minimum(v + 1, H - 1)
        u1 = numpy.minimum(u + 1, W - 1)
        vw = jnp.asarray(vw.astype(x.dtype))[:, None]
        uw = jnp.asarray(uw.astype(x.dtype))[None, :]
        one = jnp.ones((), x.dtype)
        rows0 = x[:, :, v, :]
        rows1 = x[:, :, v1, :]
        p00 = rows0[:, :, :, u]
        p01 = rows0[:, :, :, u1]
        p10 = rows1[:, :, :, u]
        p11 = rows1[:, :, :, u1]
        w0 = (one - vw) * (one - uw)
        w1 = (one - vw) * uw
        w2 = vw * (one - uw)
        w3 = vw * uw
        return (w0 * p00 + w1 * p01) + (w2 * p10 + w3 * p11),


def resize_images(x, output_shape, *, mode='bilinear', align_corners=True):
    """Resizes images to ``output_shape``.

    Args:
        x (Variable or array): a float32 array of shape ``(n, c, h, w)``.
        output_shape (tuple of int): ``(out_h, out_w)``.
        mode (str): ``'bilinear'`` or ``'nearest'``.
        align_corners (bool): in bilinear mode, map the corner pixels of the
            input onto those of the output (False: align the pixel areas).

    Returns:
        ~chainerjax.Variable: an array of shape ``(n, c, out_h, out_w)``.
    """
    return ResizeImages(output_shape, mode, align_corners).apply((x,))[0]
