"""Inverse complementary error function."""
import math

import jax.numpy as jnp

from chainerjax.functions.math import _elementwise
from chainerjax.functions.math import ndtri as ndtri_mod

_INV_SQRT2 = 1 / math.sqrt(2)


def _erfcinv(x):
    # erfc(z) = 2 * ndtr(-z * sqrt(2)),
    # so erfcinv(x) = -ndtri(x / 2) / sqrt(2)
    # (accurate for small x, unlike erfinv(1 - x)).
    return -ndtri_mod._ndtri(x * jnp.asarray(0.5, x.dtype)) * \
        jnp.asarray(_INV_SQRT2, x.dtype)


class ErfcInv(_elementwise.UnaryFloat):
    _label = 'erfcinv'

    def forward(self, inputs):
        x, = inputs
        return _elementwise.half_as_single(_erfcinv, x),


def erfcinv(x):
    """Element-wise inverse complementary error function.

    Args:
        x (Variable or array): a float array with values in ``[0, 2]``.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return ErfcInv().apply((x,))[0]
