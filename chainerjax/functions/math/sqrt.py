"""Square root and reciprocal square root."""
import jax
import jax.numpy as jnp

from chainerjax.functions.math import _elementwise


class Sqrt(_elementwise.UnaryFloat):
    _label = 'sqrt'

    def forward(self, inputs):
        return jnp.sqrt(inputs[0]),


class Rsqrt(_elementwise.UnaryFloat):
    _label = 'rsqrt'

    def forward(self, inputs):
        return jax.lax.rsqrt(inputs[0]),


def sqrt(x):
    """Element-wise square root.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Sqrt().apply((x,))[0]


def rsqrt(x):
    """Element-wise reciprocal square root ``1 / sqrt(x)``.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Rsqrt().apply((x,))[0]
