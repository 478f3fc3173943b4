"""Polygamma function."""
import jax.numpy as jnp
import jax.scipy.special as jsp

from chainerjax import function_node
from chainerjax.functions.math import _elementwise
from chainerjax.utils import type_check


class PolyGamma(function_node.FunctionNode):
    """The ``n``-th derivative of digamma (``n`` gets no gradient)."""

    @property
    def label(self):
        return 'polygamma'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('n', 'x'))
        n_type, x_type = in_types
        type_check.expect(
            n_type.dtype.kind == 'i',
            x_type.dtype.kind == 'f',
        )

    def forward(self, inputs):
        n, x = inputs
        return _elementwise.half_as_single(
            lambda x_: jsp.polygamma(n.astype(jnp.int32), x_), x),


def polygamma(n, x):
    """Element-wise polygamma function ``psi^(n)(x)``.

    Args:
        n (Variable or array): non-negative integer orders.
        x (Variable or array): a float array (broadcast with ``n``).

    Returns:
        ~chainerjax.Variable: an array of the dtype of ``x``.
    """
    return PolyGamma().apply((n, x))[0]
