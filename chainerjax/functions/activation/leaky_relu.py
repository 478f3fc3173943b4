"""Leaky rectified linear unit."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class LeakyReLU(function_node.FunctionNode):
    """``x`` for ``x > 0``, ``slope * x`` otherwise (gradient ``slope``
    at 0)."""

    is_elementwise = True

    def __init__(self, slope=0.2):
        self.slope = slope

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        # x <= 0 selects the slope (Chainer's mask): NaN passes through with
        # gradient 1, as in Chainer.
        return jnp.where(x <= 0, x * x.dtype.type(self.slope), x),


def leaky_relu(x, slope=0.2):
    """Leaky ReLU: ``x`` if ``x > 0`` else ``slope * x``.

    Args:
        x (Variable or array): a float array.
        slope (float): the slope of the negative part.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return LeakyReLU(slope).apply((x,))[0]
