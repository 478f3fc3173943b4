"""Clipping."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class Clip(function_node.FunctionNode):
    """Clips ``x`` to ``[x_min, x_max]``; the gradient passes where
    ``x_min <= x <= x_max`` (bounds included), as in Chainer."""

    is_elementwise = True

    def __init__(self, x_min, x_max):
        if x_min is None and x_max is None:
            raise ValueError('must set either max or min')
        # x_min must be less than x_max
        if (x_min is not None) and (x_max is not None) and (x_min >= x_max):
            raise ValueError('x_min must be less than x_max.')
        self.x_min = x_min
        self.x_max = x_max

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        y = x
        # Strict comparisons pick the constant, so x at a bound keeps the
        # gradient 1.
        if self.x_min is not None:
            lo = jnp.asarray(self.x_min, x.dtype)
            y = jnp.where(x < lo, lo, y)
        if self.x_max is not None:
            hi = jnp.asarray(self.x_max, x.dtype)
            y = jnp.where(x > hi, hi, y)
        # NaN stays NaN, with gradient 0: Chainer's mask is
        # x_min <= x <= x_max.
        return jnp.where(x != x, lax.stop_gradient(x), y),


def clip(x, x_min, x_max):
    """Element-wise clipping to ``[x_min, x_max]``.

    Args:
        x (Variable or array): a float array.
        x_min (float or None): the lower bound (None: no lower bound).
        x_max (float or None): the upper bound (None: no upper bound).

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Clip(x_min, x_max).apply((x,))[0]
