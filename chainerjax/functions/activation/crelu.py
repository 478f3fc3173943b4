"""Concatenated rectified linear unit."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class CReLU(function_node.FunctionNode):
    """``concat(max(0, x), max(0, -x))`` along ``axis``."""

    def __init__(self, axis=1):
        if not isinstance(axis, int) or isinstance(axis, bool):
            raise TypeError('axis must be an integer value')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim > self.axis,
            in_types[0].ndim >= -self.axis,
        )

    def forward(self, inputs):
        x, = inputs
        zero = jnp.zeros((), x.dtype)
        # Gradient 0 at x == 0 for both halves, as in Chainer; NaN stays NaN
        # in both, with gradient 0.
        nan = lax.stop_gradient(x)
        pos = jnp.where(x > 0, x, jnp.where(x <= 0, zero, nan))
        neg = jnp.where(x < 0, -x, jnp.where(x >= 0, zero, nan))
        return jnp.concatenate([pos, neg], axis=self.axis),


def crelu(x, axis=1):
    """Concatenated ReLU: ``concat((max(0, x), max(0, -x)), axis)``.

    Args:
        x (Variable or array): a float array.
        axis (int): the axis along which the two halves are concatenated.

    Returns:
        ~chainerjax.Variable: an array whose ``axis`` is twice as long.
    """
    return CReLU(axis=axis).apply((x,))[0]
