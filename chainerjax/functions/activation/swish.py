"""Swish activation."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _get_extended_shape(beta, x):
    return (1,) + beta.shape + (1,) * (x.ndim - beta.ndim - 1)


class Swish(function_node.FunctionNode):
    """``x * sigmoid(beta * x)`` with ``beta`` broadcast from axis 1."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'beta'))
        x_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            beta_type.dtype == x_type.dtype,
            beta_type.ndim <= x_type.ndim - 1,
            beta_type.shape == x_type.shape[
                1:1 + type_check.eval(beta_type.ndim)],
        )

    def forward(self, inputs):
        x, beta = inputs
        beta = jnp.reshape(beta, _get_extended_shape(beta, x))
        half = x.dtype.type(0.5)
        return x * (jnp.tanh(beta * x * half) * half + half),


def swish(x, beta):
    """Swish: ``x * sigmoid(beta * x)``.

    Args:
        x (Variable or array): a float array of shape ``(s_1, ..., s_N)``.
        beta (Variable or array): the parameter, of shape
            ``(s_2, ..., s_M)`` with ``M <= N``.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    y, = Swish().apply((x, beta))
    return y
