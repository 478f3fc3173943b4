"""Up/down flip."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class FlipUD(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type = in_types[0]
        type_check.expect(a_type.dtype.kind == 'f', a_type.ndim >= 1)

    def forward(self, inputs):
        return jnp.flipud(inputs[0]),


def flipud(a):
    """Reverses the first axis (up/down) of a float array of ``ndim >= 1``.

    Args:
        a (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: the flipped array.
    """
    return FlipUD().apply((a,))[0]
