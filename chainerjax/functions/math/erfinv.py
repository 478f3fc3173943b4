"""Element-wise inverse error function."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class ErfInv(_elementwise.UnaryFloat):
    _label = 'erfinv'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.erfinv, x),


def erfinv(x):
    """Element-wise inverse error function.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return ErfInv().apply((x,))[0]
