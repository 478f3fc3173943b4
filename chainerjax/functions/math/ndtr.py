"""Element-wise standard normal cumulative distribution function."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class Ndtr(_elementwise.UnaryFloat):
    _label = 'ndtr'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.ndtr, x),


def ndtr(x):
    """Element-wise standard normal cumulative distribution function.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Ndtr().apply((x,))[0]
