"""Log-sum-exp."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.math import prod as prod_mod


class LogSumExp(function_node.FunctionNode):
    """``log(sum(exp(x), axis))``, computed stably."""

    def __init__(self, axis=None):
        self.axis = prod_mod._normalize_axis(axis)

    def check_type_forward(self, in_types):
        prod_mod.check_axes(self.axis, in_types)

    def forward(self, inputs):
        x, = inputs
        m = jnp.max(x, axis=self.axis, keepdims=True)
        m = jnp.where(jnp.isfinite(m), m, jnp.zeros((), x.dtype))
        m = jax.lax.stop_gradient(m)
        s = jnp.sum(jnp.exp(x - m), axis=self.axis)
        return jnp.log(s) + jnp.reshape(m, s.shape),


def logsumexp(x, axis=None):
    """Log of the sum of exponentials over ``axis``.

    Args:
        x (Variable or array): a float array.
        axis (None, int or tuple of int): the axes (None: all).

    Returns:
        ~chainerjax.Variable: the reduced array.
    """
    return LogSumExp(axis).apply((x,))[0]
