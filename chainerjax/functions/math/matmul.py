"""Matrix products (``F.matmul``)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class MatMul(function_node.FunctionNode):

    def __init__(self, transa=False, transb=False, transc=False, dtype=None):
        self.transa = transa
        self.transb = transb
        self.transc = transc
        self.dtype = dtype

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
            a_type.ndim >= 1,
            b_type.ndim >= 1,
        )
        a_ndim = type_check.eval(a_type.ndim)
        b_ndim = type_check.eval(b_type.ndim)
        if b_ndim == 1:
            type_check.expect(
                a_type.shape[-2 if self.transa and a_ndim > 1 else -1]
                == b_type.shape[0])
        else:
            a_idx = -2 if self.transa and a_ndim > 1 else -1
            b_idx = -1 if self.transb else -2
            type_check.expect(a_type.shape[a_idx] == b_type.shape[b_idx])

    def forward(self, inputs):
        a, b = inputs
        if self.transa and a.ndim >= 2:
            a = jnp.swapaxes(a, -1, -2)
        if self.transb and b.ndim >= 2:
            b = jnp.swapaxes(b, -1, -2)
        y = jnp.matmul(a, b)
        if self.transc and y.ndim >= 2:
            y = jnp.swapaxes(y, -1, -2)
        if self.dtype is not None:
            y = y.astype(self.dtype)
        return y,


def matmul(a, b, transa=False, transb=False):
    """Matrix product of two arrays (NumPy ``matmul`` semantics).

    Args:
        a (Variable or array): the left operand.
        b (Variable or array): the right operand.
        transa (bool): transpose the last two axes of ``a`` first.
        transb (bool): transpose the last two axes of ``b`` first.
    """
    return MatMul(transa=transa, transb=transb).apply((a, b))[0]
