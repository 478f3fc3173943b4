"""Hyperbolic functions."""
import jax.numpy as jnp

from chainerjax.functions.math import _elementwise


class Cosh(_elementwise.UnaryFloat):
    _label = 'cosh'

    def forward(self, inputs):
        return jnp.cosh(inputs[0]),


class Sinh(_elementwise.UnaryFloat):
    _label = 'sinh'

    def forward(self, inputs):
        return jnp.sinh(inputs[0]),


def cosh(x):
    """Element-wise hyperbolic cosine.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Cosh().apply((x,))[0]


def sinh(x):
    """Element-wise hyperbolic sine.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Sinh().apply((x,))[0]
