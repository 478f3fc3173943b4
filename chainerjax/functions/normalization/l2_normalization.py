"""L2 normalization."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class NormalizeL2(function_node.FunctionNode):

    def __init__(self, eps=1e-5, axis=1):
        if isinstance(axis, int):
            axis = axis,
        self.eps = eps
        self.axis = tuple(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        dtype = x.dtype
        if dtype == numpy.float16:
            # XLA flushes float16 subnormals (eps=1e-5 is one) to zero on
            # CPU, and a zero vector would give 0/0; NumPy keeps them.
            x = x.astype(numpy.float32)
        sq = jnp.sum(jnp.square(x), axis=self.axis, keepdims=True)
        # sqrt with gradient 0 (not NaN) at a zero vector, as Chainer does
        # (a NaN or infinite norm stays so).
        zero = sq == 0
        norm = jnp.where(zero, 0, jnp.sqrt(jnp.where(zero, 1, sq)))
        return (x / (norm + x.dtype.type(self.eps))).astype(dtype),


def normalize(x, eps=1e-5, axis=1):
    """L2 normalization: ``x / (||x||_2 + eps)`` along ``axis``.

    Args:
        x (Variable or array): a float array.
        eps (float): added to the norm.
        axis (int or tuple of int): the axes the norm is taken over.

    Returns:
        ~chainerjax.Variable: the output, of the shape of ``x``.
    """
    return NormalizeL2(eps, axis).apply((x,))[0]
