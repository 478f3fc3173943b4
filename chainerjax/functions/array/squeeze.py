"""Removing axes of length one."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check

_integer_types = (int, numpy.integer)


class Squeeze(function_node.FunctionNode):

    def __init__(self, axis=None):
        if axis is None:
            self.axis = None
        elif isinstance(axis, _integer_types):
            self.axis = (int(axis),)
        elif isinstance(axis, tuple) and all(
                isinstance(x, _integer_types) for x in axis):
            self.axis = tuple(int(x) for x in axis)
        else:
            raise TypeError('axis must be None, int or tuple of ints')

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type = in_types[0]
        if self.axis is not None:
            for x in self.axis:
                if x >= 0:
                    type_check.expect(x < x_type.ndim)
                else:
                    type_check.expect(-x_type.ndim <= x)

    def forward(self, inputs):
        x, = inputs
        if self.axis is not None:
            for a in self.axis:
                if x.shape[a] != 1:
                    # NumPy's error (JAX's message differs).
                    raise ValueError('cannot select an axis to squeeze out '
                                     'which has size not equal to one')
        return jnp.squeeze(x, self.axis),


def squeeze(x, axis=None):
    """Removes the axes of length one (all of them, or those in
    ``axis``).

    Args:
        x (Variable or array): the input.
        axis (None, int or tuple of int): the axes to remove; each must have
            length one.

    Returns:
        ~chainerjax.Variable: the squeezed array.
    """
    return Squeeze(axis).apply((x,))[0]
