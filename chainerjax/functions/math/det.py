"""Determinants."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.functions.array import reshape
from chainerjax.utils import type_check


class BatchDet(function_node.FunctionNode):
    """Determinants of a batch of square matrices."""

    @property
    def label(self):
        return 'det'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        a_type, = in_types
        type_check.expect(a_type.dtype.kind == 'f')
        type_check.expect(a_type.ndim == 3)
        type_check.expect(a_type.shape[-1] == a_type.shape[-2])

    def forward(self, inputs):
        x, = inputs
        # float16 is computed in float32 and cast back, as Chainer does.
        if x.dtype == numpy.float16:
            return jnp.linalg.det(x.astype(numpy.float32)).astype(x.dtype),
        return jnp.linalg.det(x),


def batch_det(a):
    """Determinants of a batch of square matrices.

    Args:
        a (Variable or array): a float array of shape ``(B, n, n)``.

    Returns:
        ~chainerjax.Variable: the ``(B,)`` determinants.
    """
    return BatchDet().apply((a,))[0]


def det(a):
    """Determinant of a square matrix.

    Args:
        a (Variable or array): a float array of shape ``(n, n)``.

    Returns:
        ~chainerjax.Variable: the determinant (shape ``()``).
    """
    shape = (1, a.shape[0], a.shape[1])
    batched_a = reshape.reshape(a, shape)
    batched_det = BatchDet().apply((batched_a,))[0]
    return reshape.reshape(batched_det, ())
