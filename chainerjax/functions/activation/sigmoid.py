"""Logistic sigmoid."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Sigmoid(function_node.FunctionNode):

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        half = x.dtype.type(0.5)
        return jnp.tanh(x * half) * half + half,


def sigmoid(x):
    """Element-wise sigmoid: ``1 / (1 + exp(-x))``."""
    y, = Sigmoid().apply((x,))
    return y
