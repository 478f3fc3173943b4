"""Inverse of the standard normal cumulative distribution function."""
import math

import jax
import jax.numpy as jnp
import jax.scipy.special as jsp

from chainerjax.functions.math import _elementwise

_SQRT_2PI = math.sqrt(2 * math.pi)


@jax.custom_jvp
def _ndtri(x):
    return jsp.ndtri(x)


# The exact derivative (through the output), not the derivative of the
# rational approximation, as in Chainer.
@_ndtri.defjvp
def _ndtri_jvp(primals, tangents):
    x, = primals
    t, = tangents
    y = _ndtri(x)
    c = jnp.asarray(_SQRT_2PI, y.dtype)
    return y, c * jnp.exp(y * y * jnp.asarray(0.5, y.dtype)) * t


class Ndtri(_elementwise.UnaryFloat):
    _label = 'ndtri'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(_ndtri, x),


def ndtri(x):
    """Element-wise inverse of the standard normal CDF (``ndtr``).

    Args:
        x (Variable or array): a float array with values in ``[0, 1]``.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Ndtri().apply((x,))[0]
