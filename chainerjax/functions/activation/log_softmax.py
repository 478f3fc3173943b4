"""Logarithm of softmax."""
import jax

from chainerjax import function_node
from chainerjax.utils import type_check


class LogSoftmax(function_node.FunctionNode):
    """``x - logsumexp(x, axis)``."""

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
        return jax.nn.log_softmax(inputs[0], axis=self.axis),


def log_softmax(x, axis=1):
    """Log of the softmax along ``axis``, computed stably.

    Args:
        x (Variable or array): a float array.
        axis (int): the axis over which the softmax is taken.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return LogSoftmax(axis=axis).apply((x,))[0]
