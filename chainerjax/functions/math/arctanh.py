"""Inverse hyperbolic tangent."""
import jax.numpy as jnp

from chainerjax.functions.math import _elementwise


class Arctanh(_elementwise.UnaryFloat):
    _label = 'arctanh'

    def forward(self, inputs):
        return jnp.arctanh(inputs[0]),


def arctanh(x):
    """Element-wise inverse hyperbolic tangent.

    Args:
        x (Variable or array): a float array with values in ``(-1, 1)``.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Arctanh().apply((x,))[0]
