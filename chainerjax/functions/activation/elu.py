"""Exponential linear unit."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class ELU(function_node.FunctionNode):
    """``x`` for ``x > 0`` and ``alpha * (exp(x) - 1)`` otherwise."""

    is_elementwise = True

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        alpha = x.dtype.type(self.alpha)
        # expm1 of where(x > 0, 0, x) keeps the unused branch finite (no NaN
        # gradient); at x == 0 the gradient is alpha, as in Chainer.
        zero = jnp.zeros((), x.dtype)
        neg = alpha * jnp.expm1(jnp.where(x > 0, zero, x))
        return jnp.where(x > 0, x, neg),


def elu(x, alpha=1.0):
    """Exponential linear unit.

    Args:
        x (Variable or array): a float array.
        alpha (float): the scale of the negative part.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return ELU(alpha=alpha).apply((x,))[0]
