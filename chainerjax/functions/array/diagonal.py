"""Taking (batched) diagonals."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Diagonal(function_node.FunctionNode):

    def __init__(self, offset, axis1, axis2):
        self.offset = offset
        self.axis1 = axis1
        self.axis2 = axis2

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        in_type = in_types[0]
        type_check.expect(max(self.axis1, self.axis2) < in_type.ndim)
        type_check.expect(-in_type.ndim <= min(self.axis1, self.axis2))

    def forward(self, inputs):
        x, = inputs
        return jnp.diagonal(x, offset=self.offset, axis1=self.axis1,
                            axis2=self.axis2),


def diagonal(x, offset=0, axis1=0, axis2=1):
    """Takes the diagonal of the matrices spanned by ``axis1`` and
    ``axis2`` (the other axes are batch axes; the diagonal is the last
    axis of the result).

    Args:
        x (Variable or array): the input.
        offset (int): offset from the main diagonal (positive: above).
        axis1 (int): the row axis.
        axis2 (int): the column axis.

    Returns:
        ~chainerjax.Variable: the (batched) diagonals.
    """
    return Diagonal(offset, axis1, axis2).apply((x,))[0]
