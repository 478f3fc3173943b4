"""Element-wise log of the absolute value of the gamma function."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class LGamma(_elementwise.UnaryFloat):
    _label = 'lgamma'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.gammaln, x),


def lgamma(x):
    """Element-wise log of the absolute value of the gamma function.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return LGamma().apply((x,))[0]
