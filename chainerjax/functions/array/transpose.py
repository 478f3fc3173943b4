"""Transpose."""
import jax.numpy as jnp

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
        if self.axes is not None:
            type_check.expect(in_types[0].ndim == len(self.axes))

    def forward(self, inputs):
        return jnp.transpose(inputs[0], self.axes),


def transpose(x, axes=None):
    """Permutes the axes (reverses them when ``axes`` is None)."""
    return Transpose(axes).apply((x,))[0]
