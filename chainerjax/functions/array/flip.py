"""Reversing the order of elements along an axis."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class Flip(function_node.FunctionNode):

    def __init__(self, axis):
        if not isinstance(axis, (int, numpy.integer)) or \
                isinstance(axis, bool):
            raise TypeError('axis must be int')
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(x_type.ndim > 0)
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis)

    def forward(self, inputs):
        return jnp.flip(inputs[0], self.axis),


def flip(x, axis):
    """Reverses the order of the elements of ``x`` along ``axis``.

    Args:
        x (Variable or array): the input.
        axis (int): the axis to reverse.

    Returns:
        ~chainerjax.Variable: the flipped array.
    """
    return Flip(axis).apply((x,))[0]
