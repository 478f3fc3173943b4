"""Element-wise ``log(1 + x)``, accurate near 0."""
import jax.numpy as jnp

from chainerjax.functions.math import _elementwise


class Log1p(_elementwise.UnaryFloat):
    _label = 'log1p'

    def forward(self, inputs):
        x, = inputs
        return jnp.log1p(x),


def log1p(x):
    """Element-wise ``log(1 + x)``, accurate near 0.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Log1p().apply((x,))[0]
