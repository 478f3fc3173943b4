"""Clipped rectified linear unit (and ReLU6)."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class ClippedReLU(function_node.FunctionNode):
    """``min(max(0, x), z)``; the gradient is 1 only where ``0 < x < z``."""

    is_elementwise = True

    def __init__(self, z):
        if not isinstance(z, float):
            raise TypeError('z must be float value')
        assert z > 0
        self.cap = z

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        cap = x.dtype.type(self.cap)
        zero = jnp.zeros((), x.dtype)
        # Strict inequalities select x, so the gradient is 0 at 0 and at z,
        # as in Chainer.
        # NaN stays NaN, with gradient 0, as in Chainer.
        rest = jnp.where(x <= 0, zero, lax.stop_gradient(x))
        y = jnp.where(x > 0, jnp.where(x < cap, x, cap), rest)
        return y,


def clipped_relu(x, z=20.0):
    """Clipped rectified linear unit: ``min(max(0, x), z)``.

    Args:
        x (Variable or array): a float array.
        z (float): the clipping value (a positive Python float).

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    y, = ClippedReLU(z).apply((x,))
    return y


def relu6(x):
    """ReLU6: ``min(max(0, x), 6)``.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    y, = ClippedReLU(6.0).apply((x,))
    return y
