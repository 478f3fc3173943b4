"""Parametric rectified linear unit."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _get_extended_shape(W, x):
    return (1,) + W.shape + (1,) * (x.ndim - W.ndim - 1)


class PReLUFunction(function_node.FunctionNode):
    """``x`` for ``x >= 0``, ``W * x`` otherwise (``W`` broadcast from
    axis 1)."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'W'))
        x_type, W_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            W_type.dtype == x_type.dtype,
            x_type.ndim >= W_type.ndim + 1,
            x_type.shape[1:1 + type_check.eval(W_type.ndim)] == W_type.shape,
        )

    def forward(self, inputs):
        x, W = inputs
        w = jnp.reshape(W, _get_extended_shape(W, x))
        # x >= 0 selects x, so at 0 gx = gy and gW = 0, as in Chainer.
        return jnp.where(x >= 0, x, x * w),


def prelu(x, W):
    """Parametric ReLU: ``x`` if ``x >= 0`` else ``W * x``.

    Args:
        x (Variable or array): a float array of shape ``(s_1, ..., s_N)``.
        W (Variable or array): the slopes, of shape ``(s_2, ..., s_M)`` with
            ``M <= N`` (broadcast over the other axes of ``x``).

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return PReLUFunction().apply((x, W))[0]
