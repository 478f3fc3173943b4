"""Hard sigmoid."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class HardSigmoid(function_node.FunctionNode):
    """``clip(0.2 * x + 0.5, 0, 1)``; gradient 0.2 only on
    ``-2.5 < x < 2.5``."""

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        t = x.dtype.type
        lin = x * t(0.2) + t(0.5)
        # The knees select constants: gradient 0 at x == +-2.5 as in Chainer,
        # and at NaN (which stays NaN).
        rest = jnp.where(x <= t(-2.5), t(0), lax.stop_gradient(lin))
        y = jnp.where(x >= t(2.5), t(1), jnp.where(x > t(-2.5), lin, rest))
        return y,


def hard_sigmoid(x):
    """Hard sigmoid: ``clip(0.2 * x + 0.5, 0, 1)``.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return HardSigmoid().apply((x,))[0]
