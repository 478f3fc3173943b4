"""Swapping two axes."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class Swapaxes(function_node.FunctionNode):

    def __init__(self, axis1, axis2):
        self.axis1 = axis1
        self.axis2 = axis2

    @property
    def label(self):
        return 'Swapaxes'

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    def forward(self, inputs):
        x, = inputs
        # numpy's error (AxisError) for a bad axis, as in Chainer.
        numpy.swapaxes(numpy.broadcast_to(False, x.shape), self.axis1,
                       self.axis2)
        return jnp.swapaxes(x, self.axis1, self.axis2),


def swapaxes(x, axis1, axis2):
    """Swaps the axes ``axis1`` and ``axis2`` of ``x``.

    Args:
        x (Variable or array): the input.
        axis1 (int): the first axis.
        axis2 (int): the second axis.

    Returns:
        ~chainerjax.Variable: the array with the two axes swapped.
    """
    return Swapaxes(axis1, axis2).apply((x,))[0]
