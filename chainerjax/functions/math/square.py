"""Element-wise square ``x ** 2``."""
import jax.numpy as jnp

from chainerjax.functions.math import _elementwise


class Square(_elementwise.UnaryFloat):
    _label = 'square'

    def forward(self, inputs):
        x, = inputs
        return jnp.square(x),


def square(x):
    """Element-wise square ``x ** 2``.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Square().apply((x,))[0]
