"""Element-wise error function."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class Erf(_elementwise.UnaryFloat):
    _label = 'erf'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.erf, x),


def erf(x):
    """Element-wise error function.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Erf().apply((x,))[0]
