"""Softplus."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Softplus(function_node.FunctionNode):
    """``log(1 + exp(beta * x)) / beta``, computed stably."""

    is_elementwise = True

    def __init__(self, beta=1.0):
        self.beta = float(beta)
        self.beta_inv = float(1.0 / beta)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        bx = x * x.dtype.type(self.beta)
        return jnp.logaddexp(bx, jnp.zeros((), x.dtype)) * \
            x.dtype.type(self.beta_inv),


def softplus(x, beta=1.0):
    """Softplus: ``log(1 + exp(beta * x)) / beta``.

    Args:
        x (Variable or array): a float array.
        beta (float): the sharpness parameter.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    y, = Softplus(beta=beta).apply((x,))
    return y
