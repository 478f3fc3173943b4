"""Element-wise log of the standard normal cumulative distribution."""
import jax.scipy.special as jsp  # NOQA

from chainerjax.functions.math import _elementwise


class LogNdtr(_elementwise.UnaryFloat):
    _label = 'log_ndtr'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(jsp.log_ndtr, x),


def log_ndtr(x):
    """Element-wise log of the standard normal cumulative distribution.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return LogNdtr().apply((x,))[0]
