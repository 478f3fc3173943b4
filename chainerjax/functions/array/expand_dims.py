"""Inserting an axis of length one."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class ExpandDims(function_node.FunctionNode):

    def __init__(self, axis):
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(x_type.ndim >= self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis - 1)

    def forward(self, inputs):
        x, = inputs
        return jnp.expand_dims(x, self.axis),


def expand_dims(x, axis):
    """Inserts a new axis of length one at position ``axis``.

    Args:
        x (Variable or array): the input.
        axis (int): where the new axis goes (``-ndim - 1 <= axis <= ndim``).

    Returns:
        ~chainerjax.Variable: an array with one more dimension.
    """
    return ExpandDims(axis).apply((x,))[0]
