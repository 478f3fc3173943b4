"""Cumulative product."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.math import cumsum as cumsum_mod


class Cumprod(function_node.FunctionNode):
    """Cumulative product along an axis (of the flattened array for None)."""

    def __init__(self, axis):
        self.axis = cumsum_mod._check_axis(axis)

    def check_type_forward(self, in_types):
        cumsum_mod._check_axis_type(self.axis, in_types)

    def forward(self, inputs):
        # JAX's derivative of cumprod is exact also where x has zeros.
        return jnp.cumprod(inputs[0], axis=self.axis),


def cumprod(x, axis=None):
    """Cumulative product along ``axis``.

    Args:
        x (Variable or array): a float array.
        axis (int or None): the axis; None flattens ``x`` first.

    Returns:
        ~chainerjax.Variable: the cumulative products (1-D for
        ``axis=None``).
    """
    return Cumprod(axis).apply((x,))[0]
