"""Matrix products (``F.matmul``)."""
import warnings

import jax.numpy as jnp
import numpy

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


def _check_ndim(in_type, lower=1, upper=2):
    type_check.expect(
        in_type.ndim >= lower,
        in_type.ndim <= upper
    )


def _get_check_index(trans, right, row_idx=0, col_idx=1):
    if trans ^ right:
        return row_idx
    else:
        return col_idx


def _get_size(typ, index):
    if index == 2 and type_check.eval(typ.ndim) == 2:
        return 1
    else:
        return typ.shape[index]


class BatchMatMul(function_node.FunctionNode):
    """Deprecated batched product of float32 matrices (see batch_matmul)."""

    def __init__(self, transa=False, transb=False):
        self.transa = transa
        self.transb = transb

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype == numpy.float32,
            b_type.dtype == numpy.float32
        )
        _check_ndim(a_type, lower=2, upper=3)
        _check_ndim(b_type, lower=2, upper=3)
        a_idx = _get_check_index(self.transa, False, row_idx=1, col_idx=2)
        b_idx = _get_check_index(self.transb, True, row_idx=1, col_idx=2)
        type_check.expect(_get_size(a_type, a_idx) == _get_size(b_type, b_idx))

    def forward(self, inputs):
        a, b = inputs
        a = jnp.reshape(a, a.shape[:2] + (-1,))
        b = jnp.reshape(b, b.shape[:2] + (-1,))
        if self.transa:
            a = jnp.swapaxes(a, -1, -2)
        if self.transb:
            b = jnp.swapaxes(b, -1, -2)
        return jnp.matmul(a, b),


def batch_matmul(a, b, transa=False, transb=False):
    """Batched matrix product (deprecated: use :func:`matmul`).

    A 2-D argument of shape ``(B, n)`` is treated as ``(B, n, 1)``.

    Args:
        a (Variable or array): float32, of shape ``(B, m, k)`` or ``(B, m)``.
        b (Variable or array): float32, of shape ``(B, k, n)`` or ``(B, k)``.
        transa (bool): transpose each matrix of ``a`` first.
        transb (bool): transpose each matrix of ``b`` first.

    Returns:
        ~chainerjax.Variable: the ``(B, m, n)`` products.
    """
    warnings.warn('batch_matmul is deprecated. Use matmul instead.',
                  DeprecationWarning)
    return BatchMatMul(transa=transa, transb=transb).apply((a, b))[0]
