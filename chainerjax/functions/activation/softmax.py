"""Softmax along an axis."""
import jax

from chainerjax import function_node
from chainerjax.utils import type_check


class Softmax(function_node.FunctionNode):

    def __init__(self, axis=1):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            -x_type.ndim <= self.axis < x_type.ndim,
        )

    def forward(self, inputs):
        return jax.nn.softmax(inputs[0], axis=self.axis),


def softmax(x, axis=1):
    """Softmax along ``axis``: ``exp(x) / sum(exp(x), axis)``."""
    return Softmax(axis=axis).apply((x,))[0]
