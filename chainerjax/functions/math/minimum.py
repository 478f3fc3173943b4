"""Element-wise minimum of two arrays."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class Minimum(function_node.FunctionNode):
    """``min(x1, x2)``; on ties the gradient goes to ``x1`` (Chainer)."""

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
        # A NaN in either propagates as numpy.minimum's does, with gradient
        # 0 to both: Chainer's masks are x1 <= x2 and x1 > x2.
        nan = lax.stop_gradient(x1 + x2)
        return jnp.where(x1 <= x2, x1, jnp.where(x1 > x2, x2, nan)),


def minimum(x1, x2):
    """Element-wise minimum (NumPy broadcasting).

    Args:
        x1 (Variable or array): a float array.
        x2 (Variable or array): a float array of the same dtype.

    Returns:
        ~chainerjax.Variable: the broadcast minimum.
    """
    return Minimum().apply((x1, x2))[0]
