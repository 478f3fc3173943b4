"""Cholesky decomposition."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class Cholesky(function_node.FunctionNode):
    """Lower-triangular ``L`` with ``a = L L^T`` (symmetric gradient)."""

    @property
    def label(self):
        return 'cholesky'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type, = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.ndim == 2,
        )

    def forward(self, inputs):
        a, = inputs
        # numpy.linalg's errors, as in Chainer.
        if a.dtype == numpy.float16:
            raise TypeError('array type float16 is unsupported in linalg')
        if a.shape[-1] != a.shape[-2]:
            raise numpy.linalg.LinAlgError(
                'Last 2 dimensions of the array must be square')
        # Like Chainer, the gradient is symmetric: JAX's cholesky uses
        # (a + a^T) / 2.
        return jnp.linalg.cholesky(a),


def cholesky(a):
    """Cholesky decomposition of a symmetric positive-definite matrix.

    Args:
        a (Variable or array): a float array of shape ``(n, n)``.

    Returns:
        ~chainerjax.Variable: the lower-triangular factor.
    """
    return Cholesky().apply((a,))[0]
