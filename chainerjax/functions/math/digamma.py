"""Element-wise digamma function (derivative of ``lgamma``)."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class DiGamma(_elementwise.UnaryFloat):
    _label = 'digamma'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.digamma, x),


def digamma(x):
    """Element-wise digamma function (derivative of ``lgamma``).

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return DiGamma().apply((x,))[0]
