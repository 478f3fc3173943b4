"""Transpose."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class Transpose(function_node.FunctionNode):

    def __init__(self, axes=None):
        self.axes = None if axes is None else tuple(axes)

    @property
    def label(self):
        return 'Transpose'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        # numpy's errors (ValueError, AxisError) for bad axes, as in Chainer.
        numpy.transpose(numpy.broadcast_to(False, x.shape), self.axes)
        return jnp.transpose(x, self.axes),


def transpose(x, axes=None):
    """Permutes the axes (reverses them when ``axes`` is None)."""
    return Transpose(axes).apply((x,))[0]
