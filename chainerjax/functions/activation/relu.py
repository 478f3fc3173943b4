"""Rectified linear unit."""
import jax.numpy as jnp
from jax import lax

from chainerjax import function_node
from chainerjax.utils import type_check


class ReLU(function_node.FunctionNode):
    """max(x, 0), with gradient 0 at x == 0 as in Chainer."""

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        # NaN stays NaN (numpy.maximum's), with gradient 0 as in Chainer;
        # the NaN branch is not differentiated, so the VJP keeps what a
        # plain where(x > 0, x, 0) keeps.
        rest = jnp.where(x <= 0, jnp.zeros((), x.dtype), lax.stop_gradient(x))
        return jnp.where(x > 0, x, rest),


def relu(x):
    """Rectified linear unit: ``max(x, 0)``.

    Args:
        x (Variable or array): a float array.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> F.relu(np.array([-1., 0., 2.], np.float32)).array
        array([0., 0., 2.], dtype=float32)
    """
    y, = ReLU().apply((x,))
    return y
