"""Element-wise remainder of division (C ``fmod``)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Fmod(function_node.FunctionNode):
    """``x - fix(x / divisor) * divisor``."""

    is_elementwise = True

    @property
    def label(self):
        return 'fmod'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'divisor'))
        type_check.expect(
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].dtype.kind == 'f',
            in_types[1].dtype.kind == 'f',
        )

    def forward(self, inputs):
        x, divisor = inputs
        # d/dx = 1 and d/ddivisor = -fix(x / divisor), as in Chainer.
        return jnp.fmod(x, divisor),


def fmod(x, divisor):
    """Element-wise remainder of ``x / divisor`` with the sign of ``x``.

    Args:
        x (Variable or array): the dividend (float).
        divisor (Variable or array): the divisor (same dtype).

    Returns:
        ~chainerjax.Variable: the remainder.
    """
    return Fmod().apply((x, divisor))[0]
