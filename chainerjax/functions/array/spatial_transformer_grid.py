"""Sampling grids of spatial transformer networks."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class SpatialTransformerGrid(function_node.FunctionNode):

    def __init__(self, output_shape):
        self.output_shape = tuple(output_shape)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('theta',))
        theta_type = in_types[0]
        type_check.expect(
            theta_type.dtype.kind == 'f',
            theta_type.ndim == 3,
            theta_type.shape[1] == 2,
            theta_type.shape[2] == 3,
        )

    def forward(self, inputs):
        theta, = inputs
        H, W = self.output_shape
        B = theta.shape[0]
        ys, xs = jnp.meshgrid(
            jnp.linspace(-1, 1, H, dtype=theta.dtype),
            jnp.linspace(-1, 1, W, dtype=theta.dtype), indexing='ij')
        coords = jnp.concatenate(
            [xs[None], ys[None], jnp.ones((1, H, W), dtype=theta.dtype)],
            axis=0)
        grid = jnp.matmul(theta, coords.reshape(3, H * W))
        return grid.reshape(B, 2, H, W),


def spatial_transformer_grid(theta, output_shape, **kwargs):
    """Makes the sampling grids of affine transformations ``theta``.

    ``grid[b, :, i, j] = theta[b] @ (x_j, y_i, 1)`` where ``x_j`` and
    ``y_i`` run over ``linspace(-1, 1)`` of the output width and height.

    Args:
        theta (Variable or array): float array of shape ``(n, 2, 3)``.
        output_shape (tuple of int): ``(out_h, out_w)``.

    Returns:
        ~chainerjax.Variable: the grids, of shape ``(n, 2, out_h, out_w)``
        (channel 0: x coordinates, 1: y coordinates).
    """
    if kwargs:
        if 'use_cudnn' in kwargs:
            raise ValueError(
                'The argument "use_cudnn" is not supported anymore. Use '
                'chainer.using_config(\'use_cudnn\', value) context where '
                'value can be `always`, `never`, or `auto`.')
        raise TypeError('spatial_transformer_grid() got unexpected keyword '
                        'argument(s) {}'.format(', '.join(kwargs)))
    return SpatialTransformerGrid(output_shape).apply((theta,))[0]
