"""Element-wise ``exp(x) - 1``, accurate near 0."""
import jax.numpy as jnp

from chainerjax.functions.math import _elementwise


class Expm1(_elementwise.UnaryFloat):
    _label = 'expm1'

    def forward(self, inputs):
        x, = inputs
        return jnp.expm1(x),


def expm1(x):
    """Element-wise ``exp(x) - 1``, accurate near 0.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Expm1().apply((x,))[0]
