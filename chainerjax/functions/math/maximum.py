"""Element-wise maximum of two arrays."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class Maximum(function_node.FunctionNode):
    """``max(x1, x2)``; on ties the gradient goes to ``x1`` (Chainer)."""

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x1', 'x2'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
        )
        type_check.expect_broadcast_shapes(
            in_types[0].shape, in_types[1].shape)

    def forward(self, inputs):
        x1, x2 = inputs
        y = jnp.where(x1 >= x2, x1, x2)
        # A NaN in x1 propagates as numpy.maximum's does; the gradient still
        # goes where Chainer's mask x1 >= x2 sends it (to x2).
        return jnp.where(x1 != x1, y + lax.stop_gradient(x1), y),


def maximum(x1, x2):
    """Element-wise maximum (NumPy broadcasting).

    Args:
        x1 (Variable or array): a float array.
        x2 (Variable or array): a float array of the same dtype.

    Returns:
        ~chainerjax.Variable: the broadcast maximum.
    """
    return Maximum().apply((x1, x2))[0]
