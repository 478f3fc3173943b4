"""Rolling an axis backwards (``numpy.rollaxis``)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _is_int(v):
    return isinstance(v, (int, numpy.integer)) and not isinstance(v, bool)


class Rollaxis(function_node.FunctionNode):

    def __init__(self, axis, start):
        if not _is_int(axis):
            raise TypeError('axis must be int')
        if not _is_int(start):
            raise TypeError('start must be int')
        self.axis = int(axis)
        self.start = int(start)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim > -self.axis - 1)
        if self.start >= 0:
            type_check.expect(x_type.ndim >= self.start)
        else:
            type_check.expect(x_type.ndim > -self.start - 1)

    def forward(self, inputs):
        return jnp.rollaxis(inputs[0], self.axis, self.start),


def rollaxis(x, axis, start=0):
    """Rolls ``axis`` backwards until it lies at position ``start``
    (prefer :func:`moveaxis`).

    Args:
        x (Variable or array): the input.
        axis (int): the axis to roll.
        start (int): where the axis goes.

    Returns:
        ~chainerjax.Variable: the array with the axis moved.
    """
    return Rollaxis(axis, start).apply((x,))[0]
