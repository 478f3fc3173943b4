"""Left/right flip."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class FlipLR(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type = in_types[0]
        type_check.expect(a_type.dtype.kind == 'f', a_type.ndim >= 2)

    def forward(self, inputs):
        return jnp.fliplr(inputs[0]),


def fliplr(a):
    """Reverses the second axis (left/right) of a float array of
    ``ndim >= 2``.

    Args:
        a (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: the flipped array.
    """
    return FlipLR().apply((a,))[0]
