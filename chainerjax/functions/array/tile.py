"""Tiling (``numpy.tile``)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check

_integer_types = (int, numpy.integer)


class Tile(function_node.FunctionNode):

    def __init__(self, reps):
        if isinstance(reps, _integer_types):
            self.reps = (int(reps),)
        elif isinstance(reps, tuple) and all(
                isinstance(x, _integer_types) for x in reps):
            self.reps = tuple(int(x) for x in reps)
        else:
            raise TypeError(
                'reps must be int or tuple of ints.\n'
                'Actual: {0}'.format(type(reps)))
        if not all(x >= 0 for x in self.reps):
            raise ValueError('All elements in reps must be zero or larger')

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    def forward(self, inputs):
        return jnp.tile(inputs[0], self.reps),


def tile(x, reps):
    """Repeats ``x`` ``reps`` times along each axis, as ``numpy.tile``.

    Args:
        x (Variable or array): the input.
        reps (int or tuple of int): the repetitions per axis.

    Returns:
        ~chainerjax.Variable: the tiled array.
    """
    return Tile(reps).apply((x,))[0]
