"""Stacking along a new axis."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Stack(function_node.FunctionNode):

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check.expect(
            -in_types[0].ndim - 1 <= self.axis,
            self.axis <= in_types[0].ndim)
        dtype = in_types[0].dtype
        shape = in_types[0].shape
        for x_type in in_types[1:]:
            type_check.expect(x_type.dtype == dtype, x_type.shape == shape)

    def forward(self, inputs):
        return jnp.stack(inputs, axis=self.axis),


def stack(xs, axis=0):
    """Stacks arrays of one shape along a new axis ``axis``.

    Args:
        xs (list of Variable or array): arrays of the same shape and dtype.
        axis (int): the position of the new axis in the result.

    Returns:
        ~chainerjax.Variable: the stacked array.
    """
    return Stack(axis).apply(xs)[0]
