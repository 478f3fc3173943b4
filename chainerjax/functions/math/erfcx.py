"""Element-wise scaled complementary error function
``exp(x ** 2) * erfc(x)``."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class Erfcx(_elementwise.UnaryFloat):
    _label = 'erfcx'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.erfcx, x),


def erfcx(x):
    """Element-wise scaled complementary error function,
    ``exp(x ** 2) * erfc(x)``.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Erfcx().apply((x,))[0]
