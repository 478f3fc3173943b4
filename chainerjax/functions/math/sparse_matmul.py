"""Multiplication of a sparse (COO) matrix and a dense one."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import utils
from chainerjax import variable
from chainerjax.utils import type_check


def _check_structure(sp_row, sp_col, sp_shape):
    if sp_row.ndim != sp_col.ndim:
        raise ValueError('ndim of sp_row and sp_col must be the same.')
    if sp_row.ndim != 1 and sp_row.ndim != 2:
        raise ValueError('ndim of sp_row and sp_col must be one or two.')
    if sp_row.shape != sp_col.shape:
        raise ValueError('shape of sp_row and sp_col must be the same.')
    if len(sp_shape) != 2:
        raise ValueError('len(sp_shape) must be two.')


def _compute_dtype(dtype):
    # float16 products are summed in float32, as Chainer's GPU kernels do
    return numpy.dtype(numpy.float32) if dtype == numpy.float16 else dtype


class CooMatMul(function_node.FunctionNode):
    """``C = op(A) op(B)`` (then ``C^T`` if ``transc``) for a sparse ``A``
    given by its entries (the first input) at ``sp_row``/``sp_col`` and a
    dense ``B`` (the second input), one matrix or a batch.

    Entries with a negative index (padding) are left out. The gradients
    are those of the dense product restricted to the entries: for ``A``'s
    entries ``(dC op(B)^T)[row, col]``, for ``B`` the sparse product with
    ``A^T``.
    """

    def __init__(self, sp_row, sp_col, sp_shape, sp_order='other',
                 transa=False, transb=False, transc=False, dtype=None):
        _check_structure(sp_row, sp_col, sp_shape)
        self.sp_row = sp_row        # ((nb,) ldnz)
        self.sp_col = sp_col        # ((nb,) ldnz)
        self.sp_shape = tuple(sp_shape)  # (m, k) when transa is False
        self.sp_order = sp_order
        self.transa = bool(transa)
        self.transb = bool(transb)
        self.transc = bool(transc)
        self.dtype = None if dtype is None else numpy.dtype(dtype)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('sp', 'dn'))
        sp_type, dn_type = in_types
        sp_k_axis = -2 if self.transa else -1
        dn_k_axis = -1 if self.transb else -2
        type_check.expect(
            sp_type.dtype.kind == 'f',
            dn_type.dtype.kind == 'f',
            dn_type.ndim >= 2,
            dn_type.ndim <= 3,
            sp_type.ndim == dn_type.ndim - 1,
            sp_type.shape[-1] == self.sp_row.shape[-1],
            self.sp_shape[sp_k_axis] == dn_type.shape[dn_k_axis],
        )
        if type_check.eval(dn_type.ndim) == 3:
            type_check.expect(
                sp_type.shape[0] == self.sp_row.shape[0],
                dn_type.shape[0] == self.sp_row.shape[0],
            )

    def forward(self, inputs):
        sp, dn = inputs
        dtype = self.dtype
        if dtype is None:
            dtype = jnp.result_type(sp.dtype, dn.dtype)
        if self.transa:
            row, col = self.sp_col, self.sp_row
            m = self.sp_shape[1]
        else:
            row, col = self.sp_row, self.sp_col
            m = self.sp_shape[0]
        b = dn.swapaxes(-1, -2) if self.transb else dn
        acc = _compute_dtype(dtype)
        valid = (row >= 0) & (col >= 0)
        row = jnp.where(valid, row, 0)
        col = jnp.where(valid, col, 0)
        data = jnp.where(valid, sp, 0).astype(acc)[..., None]
        if b.ndim == 2:
            c = jnp.zeros((m, b.shape[1]), acc)
            c = c.at[row].add(data * b[col].astype(acc))
        else:
            batch = jnp.arange(b.shape[0])[:, None]
            c = jnp.zeros((b.shape[0], m, b.shape[2]), acc)
            c = c.at[batch, row].add(data * b[batch, col].astype(acc))
        if self.transc:
            c = c.swapaxes(-1, -2)
        return c.astype(dtype),


class CooMatMulGradSP(function_node.FunctionNode):
    """The entries at ``sp_row``/``sp_col`` of the dense product
    ``op(A) op(B)`` (of its transpose if ``transc``): the gradient of
    :class:`CooMatMul` with respect to the sparse entries. Entries with a
    negative index are 0."""

    def __init__(self, sp_row, sp_col, sp_shape, sp_order='other',
                 transa=False, transb=False, transc=False, dtype=None):
        _check_structure(sp_row, sp_col, sp_shape)
        self.sp_row = sp_row        # ((nb,) ldnz)
        self.sp_col = sp_col        # ((nb,) ldnz)
        self.sp_shape = tuple(sp_shape)  # (m, n) when transc is False
        self.sp_order = sp_order
        self.transa = bool(transa)
        self.transb = bool(transb)
        self.transc = bool(transc)
        self.dtype = None if dtype is None else numpy.dtype(dtype)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        a_m_axis, a_k_axis = (-1, -2) if self.transa else (-2, -1)
        b_k_axis, b_n_axis = (-1, -2) if self.transb else (-2, -1)
        sp_m_axis, sp_n_axis = (-1, -2) if self.transc else (-2, -1)
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
            a_type.ndim >= 2,
            a_type.ndim <= 3,
            a_type.ndim == b_type.ndim,
            a_type.shape[a_m_axis] == self.sp_shape[sp_m_axis],
            b_type.shape[b_n_axis] == self.sp_shape[sp_n_axis],
            a_type.shape[a_k_axis] == b_type.shape[b_k_axis],
        )
        if type_check.eval(a_type.ndim) == 3:
            type_check.expect(
                a_type.shape[0] == self.sp_row.shape[0],
                b_type.shape[0] == self.sp_row.shape[0],
            )

    def forward(self, inputs):
        a, b = inputs
        dtype = self.dtype
        if dtype is None:
            dtype = jnp.result_type(a.dtype, b.dtype)
        if self.transa:
            a = a.swapaxes(-1, -2)
        if self.transb:
            b = b.swapaxes(-1, -2)
        if self.transc:
            row, col = self.sp_col, self.sp_row
        else:
            row, col = self.sp_row, self.sp_col
        acc = _compute_dtype(dtype)
        c = jnp.matmul(a.astype(acc), b.astype(acc))
        valid = (row >= 0) & (col >= 0)
        row = jnp.where(valid, row, 0)
        col = jnp.where(valid, col, 0)
        if c.ndim == 2:
            data = c[row, col]
        else:
            data = c[jnp.arange(c.shape[0])[:, None], row, col]
        return jnp.where(valid, data, 0).astype(dtype),


_dense_types = (variable.Variable, numpy.ndarray, jax.Array)


def sparse_matmul(a, b, transa=False, transb=False):
    """Multiplies a sparse matrix and a dense one (or batches of them).

    Either ``a`` or ``b`` is a :class:`~chainerjax.utils.CooMatrix` (see
    :func:`~chainerjax.utils.to_coo`), the other a dense 2-D array (3-D
    for a batch, the first axis the batch). The gradient flows to the dense
    operand and to the sparse entries ``CooMatrix.data`` (when it requires
    a gradient).

    Args:
        a (~chainerjax.Variable, array or CooMatrix): the left operand.
        b (~chainerjax.Variable, array or CooMatrix): the right operand.
        transa (bool): transpose each matrix of ``a`` first.
        transb (bool): transpose each matrix of ``b`` first.

    Returns:
        ~chainerjax.Variable: the dense product, of the dtype that NumPy
        promotes the two operands to.

    Raises:
        ValueError: unless exactly one operand is a CooMatrix.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> from chainerjax import utils
        >>> a = utils.to_coo(np.array([[0, 2, 0], [-1, 0, 0]], np.float32))
        >>> b = np.arange(6, dtype=np.float32).reshape(3, 2)
        >>> F.sparse_matmul(a, b).array
        array([[ 4.,  6.],
               [ 0., -1.]], dtype=float32)
    """
    if isinstance(a, utils.CooMatrix) and isinstance(b, _dense_types):
        return CooMatMul(a.row, a.col, a.shape, a.order,
                         transa=transa, transb=transb,
                         transc=False).apply((a.data, b))[0]
    if isinstance(a, _dense_types) and isinstance(b, utils.CooMatrix):
        return CooMatMul(b.row, b.col, b.shape, b.order,
                         transa=not transb, transb=not transa,
                         transc=True).apply((b.data, a))[0]
    raise ValueError(
        'This combination of type of inputs is not supported.\n'
        '    a: {}\n    b: {}\n'.format(type(a), type(b)))
