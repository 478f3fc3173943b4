"""Hurwitz zeta function."""
import jax.numpy as jnp
import jax.scipy.special as jsp

from chainerjax import function_node
from chainerjax.functions.math import _elementwise
from chainerjax.utils import type_check


class Zeta(function_node.FunctionNode):
    """``zeta(x, q)`` for a constant ``x``, differentiable in ``q``."""

    is_elementwise = True

    def __init__(self, x):
        self._x = x

    @property
    def label(self):
        return 'zeta'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, 'q')
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        q, = inputs
        return _elementwise.half_as_single(
            lambda q_: jsp.zeta(jnp.asarray(self._x, q_.dtype), q_), q),


def zeta(x, q):
    """Element-wise Hurwitz zeta function ``sum_k (k + q) ** -x``.

    Args:
        x (float): the exponent (a constant; no gradient).
        q (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``q``.
    """
    return Zeta(x).apply((q,))[0]
