"""Element-wise complementary error function ``1 - erf(x)``."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class Erfc(_elementwise.UnaryFloat):
    _label = 'erfc'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.erfc, x),


def erfc(x):
    """Element-wise complementary error function ``1 - erf(x)``.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Erfc().apply((x,))[0]
