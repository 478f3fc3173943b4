"""Absolute error."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class AbsoluteError(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x0, x1 = inputs
        diff = x0 - x1
        # diff * sign(diff): gradient 0 where x0 == x1, as in Chainer.
        return (diff * jnp.sign(diff)).astype(x0.dtype),


def absolute_error(x0, x1):
    """Element-wise absolute error ``|x0 - x1|``.

    Returns:
        ~chainerjax.Variable: of the shape and dtype of the inputs.
    """
    return AbsoluteError().apply((x0, x1))[0]
