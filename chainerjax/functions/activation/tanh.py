"""Hyperbolic tangent."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Tanh(function_node.FunctionNode):

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        return jnp.tanh(inputs[0]),


def tanh(x):
    """Element-wise hyperbolic tangent."""
    y, = Tanh().apply((x,))
    return y
