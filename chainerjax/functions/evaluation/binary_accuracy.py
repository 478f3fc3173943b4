"""Binary classification accuracy."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class BinaryAccuracy(function_node.FunctionNode):
    """Not differentiable: no input gets a gradient."""

    ignore_label = -1
    _no_grad_inputs = (0, 1)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            t_type.shape == x_type.shape,
        )

    def forward(self, inputs):
        y, t = inputs
        y = y.ravel()
        t = t.ravel()
        c = y >= 0
        count = jnp.maximum(1, jnp.sum(t != self.ignore_label))
        hits = jnp.sum(c.astype(t.dtype) == t)
        return (hits / count).astype(y.dtype),


def binary_accuracy(y, t):
    """The fraction of correct binary predictions (``y >= 0`` means 1);
    labels ``-1`` are left out of the denominator.

    Args:
        y (Variable or array): float scores.
        t (Variable or array): int labels (0, 1 or -1) of ``y``'s shape.

    Returns:
        ~chainerjax.Variable: a scalar of ``y``'s dtype.
    """
    return BinaryAccuracy().apply((y, t))[0]
