"""Mean squared error."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class MeanSquaredError(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x0, x1 = inputs
        diff = (x0 - x1).ravel()
        return (jnp.dot(diff, diff) / diff.size).astype(x0.dtype),


def mean_squared_error(x0, x1):
    """Mean squared error: ``sum((x0 - x1) ** 2) / size``.

    Returns:
        ~chainerjax.Variable: a scalar of the inputs' dtype.
    """
    return MeanSquaredError().apply((x0, x1))[0]
