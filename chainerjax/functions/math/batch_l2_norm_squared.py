"""Squared L2 norm of each sample."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class BatchL2NormSquared(function_node.FunctionNode):
    """``sum(x[i] ** 2)`` for each ``i`` along the first axis."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= 2,
        )

    def forward(self, inputs):
        x, = inputs
        x = jnp.reshape(x, (x.shape[0], -1))
        return jnp.sum(x * x, axis=1),


def batch_l2_norm_squared(x):
    """Squared L2 norm of each sample (row of the first axis).

    Args:
        x (Variable or array): a float array with ``ndim >= 2``.

    Returns:
        ~chainerjax.Variable: an array of shape ``(x.shape[0],)``.
    """
    return BatchL2NormSquared().apply((x,))[0]
