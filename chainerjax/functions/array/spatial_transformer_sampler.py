"""Bilinear sampling of spatial transformer networks."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class SpatialTransformerSampler(function_node.FunctionNode):
    """Bilinear sampling with zero padding outside the image.

    The derived gradient equals Chainer's: w.r.t. ``grid`` it is the
    derivative of the bilinear weights, zero where a coordinate is clipped
    (at or beyond one pixel outside the image); w.r.t. ``x`` the weights are
    scattered back.
    """

    def check_type_forward(self, in_types):
        type_check.expect(2 == in_types.size())
        x_type = in_types[0]
        grid_type = in_types[1]
        type_check.expect(
            x_type.dtype.kind == 'f',
            grid_type.dtype == x_type.dtype,
            x_type.ndim == 4,
            grid_type.ndim == 4,
            grid_type.shape[1] == 2,
            x_type.shape[0] == grid_type.shape[0],
        )

    def forward(self, inputs):
        x, grid = inputs
        B, C, H, W = x.shape
        _, _, out_H, out_W = grid.shape
        dtype = x.dtype
        grid = grid.reshape(grid.shape[:2] + (-1,))
        u = grid[:, 0]
        v = grid[:, 1]
        x_pad = jnp.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
        u = (u + 1) * (W - 1) / 2 + 1
        v = (v + 1) * (H - 1) / 2 + 1

        def clip(a, hi):
            # Gradient 1 strictly inside (0, hi), 0 elsewhere (Chainer's).
            a = jnp.where(a > 0, a, jnp.zeros((), a.dtype))
            return jnp.where(a < hi, a, jnp.asarray(hi, a.dtype))

        u_clipped = clip(u, W + 1)
        v_clipped = clip(v, H + 1)
        u0 = jnp.clip(jnp.floor(u_clipped).astype(numpy.int32), 0, W)
        u1 = u0 + 1
        v0 = jnp.clip(jnp.floor(v_clipped).astype(numpy.int32), 0, H)
        v1 = v0 + 1
        w1 = ((u1 - u_clipped) * (v1 - v_clipped)).astype(dtype)
        w2 = ((u_clipped - u0) * (v1 - v_clipped)).astype(dtype)
        w3 = ((u1 - u_clipped) * (v_clipped - v0)).astype(dtype)
        w4 = ((u_clipped - u0) * (v_clipped - v0)).astype(dtype)
        b = jnp.arange(B)[:, None]
        # x_pad[b, :, v, u] with advanced indices around a slice: (B, N, C)
        x1 = x_pad[b, :, v0, u0]
        x2 = x_pad[b, :, v0, u1]
        x3 = x_pad[b, :, v1, u0]
        x4 = x_pad[b, :, v1, u1]
        y = w1[:, :, None] * x1
        y = y + w2[:, :, None] * x2
        y = y + w3[:, :, None] * x3
        y = y + w4[:, :, None] * x4
        return y.reshape(B, out_H, out_W, C).transpose(0, 3, 1, 2),


def spatial_transformer_sampler(x, grid, **kwargs):
    """Samples ``x`` bilinearly at the coordinates ``grid``.

    Args:
        x (Variable or array): float images of shape ``(n, c, h, w)``.
        grid (Variable or array): coordinates of shape ``(n, 2, out_h,
            out_w)`` in ``[-1, 1]`` (channel 0: x, 1: y); points outside
            read zeros.

    Returns:
        ~chainerjax.Variable: an array of shape ``(n, c, out_h, out_w)``.
    """
    if kwargs:
        if 'use_cudnn' in kwargs:
            raise ValueError(
                'The argument "use_cudnn" is not supported anymore. Use '
                'chainer.using_config(\'use_cudnn\', value) context where '
                'value can be `always`, `never`, or `auto`.')
        raise TypeError('spatial_transformer_sampler() got unexpected '
                        'keyword argument(s) {}'.format(', '.join(kwargs)))
    return SpatialTransformerSampler().apply((x, grid))[0]
