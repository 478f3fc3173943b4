"""Separating an array along an axis (the inverse of stack)."""
from chainerjax import function_node
from chainerjax.utils import type_check


class Separate(function_node.FunctionNode):

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        if self.axis >= 0:
            type_check.expect(self.axis < x_type.ndim)
        else:
            type_check.expect(-self.axis <= x_type.ndim)

    def forward(self, inputs):
        x, = inputs
        axis = self.axis % x.ndim
        prefix = (slice(None),) * axis
        return tuple([x[prefix + (i,)] for i in range(x.shape[axis])])


def separate(x, axis=0):
    """Splits ``x`` into the slices along ``axis`` (the axis is removed).

    Args:
        x (Variable or array): the input.
        axis (int): the axis to separate.

    Returns:
        tuple of ~chainerjax.Variable: ``x.shape[axis]`` arrays.
    """
    return Separate(axis).apply((x,))
