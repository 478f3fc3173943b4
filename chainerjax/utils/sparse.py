"""Sparse matrices in COO format (``chainer.utils.CooMatrix``)."""
import numpy


def _is_jax_array(x):
    import jax
    return isinstance(x, jax.Array)


def _host(x, name):
    """A NumPy view of a concrete array (the sparse structure is built and
    checked on the host)."""
    import jax
    if isinstance(x, jax.core.Tracer):
        raise ValueError(
            '{} needs concrete values: the number of non-zero entries '
            'decides the shapes, which jit cannot trace. Build the COO '
            'matrix outside of the traced function.'.format(name))
    return numpy.asarray(x)


class CooMatrix(object):
    """A sparse matrix (or a batch of them) in COO format.

    Args:
        data (array): the entries, of shape ``(nnz,)`` or, for a batch,
            ``(batch, nnz)``. Entries past the last non-zero one may be
            padding (index -1).
        row (array): the row index of each entry (int32, like ``data``).
        col (array): the column index of each entry.
        shape (tuple of int): ``(rows, columns)`` of each dense matrix.
        order ('C', 'F', 'other' or None): ``'C'`` if the row indices are
            sorted, ``'F'`` if the column indices are; None detects it with
            :func:`get_order`. Only a hint for the GPU kernels of Chainer.
        requires_grad (bool): whether ``data`` gets a gradient.

    Attributes:
        data (~chainerjax.Variable): the entries.
        row, col: the indices.
        shape (tuple of int): the dense shape of one matrix.
        order (str): ``'C'``, ``'F'`` or ``'other'``.

    Raises:
        ValueError: for ``data`` of ndim other than 1 or 2, indices of
            another ndim, a shape that is not two positive ints or an
            unknown ``order``.

    See :func:`to_coo` to build one from a dense array.
    """

    def __init__(self, data, row, col, shape, order=None,
                 requires_grad=False):
        from chainerjax import variable
        if not (1 <= data.ndim <= 2):
            raise ValueError('ndim of data must be 1 or 2.')
        if not (data.ndim == row.ndim == col.ndim):
            raise ValueError('ndim of data, row and col must be the same.')
        if len(shape) != 2:
            raise ValueError('length of shape must be 2.')
        if not (shape[0] > 0 and shape[1] > 0):
            raise ValueError('numbers in shape must be greater than 0.')
        if order not in ('C', 'F', 'other', None):
            raise ValueError('order must be \'C\', \'F\', \'other\' or None.')
        self.data = variable.Variable(data, requires_grad=requires_grad)
        self.row = row
        self.col = col
        self.shape = shape
        self.order = get_order(row, col) if order is None else order

    def to_dense(self):
        """Returns the dense matrix (or batch) as an array of the module of
        ``data`` (NumPy or JAX). Entries at the same index are summed."""
        data = self.data.array
        if data.ndim == 1:
            shape = tuple(self.shape)
        else:
            shape = (data.shape[0],) + tuple(self.shape)
        if _is_jax_array(data):
            import jax.numpy as jnp
            x = jnp.zeros(shape, data.dtype)
            if data.size == 0:
                return x
            row = jnp.asarray(self.row)
            col = jnp.asarray(self.col)
            if data.ndim == 1:
                return x.at[row, col].add(data)
            batch = jnp.arange(data.shape[0])[:, None]
            return x.at[batch, row, col].add(data)
        x = numpy.zeros(shape, data.dtype)
        if data.size == 0:
            return x
        row = numpy.asarray(self.row)
        col = numpy.asarray(self.col)
        if data.ndim == 1:
            _add_nonzero_entries(x, row, col, data)
        else:
            for i in range(data.shape[0]):
                _add_nonzero_entries(x[i], row[i], col[i], data[i])
        return x


def _add_nonzero_entries(x, row, col, data):
    # Entries past the last non-zero one are padding: left out, so that
    # their -1 indices are never used.
    last = data.size - int(numpy.argmax((data != 0)[::-1]))
    numpy.add.at(x, (row[:last], col[:last]), data[:last])


def to_coo(x, ldnz=None, requires_grad=False):
    """Returns a matrix (2-D ``x``) or a batch of matrices (3-D ``x``, the
    first axis the batch) in COO format.

    The non-zero entries are listed in row-major order; ``data``, ``row``
    and ``col`` have length ``max(nnz, ldnz)`` (for a batch, ``nnz`` is the
    largest count of the batch), padded with zeros and index -1.

    Args:
        x (array): a dense 2-D or 3-D array (NumPy or JAX; a JAX array
            gives JAX arrays).
        ldnz (int): the least length of the entry arrays.
        requires_grad (bool): whether the entries get a gradient.

    Returns:
        CooMatrix: the sparse matrix.

    Raises:
        ValueError: if ``x`` is not 2-D or 3-D.

    Example:
        >>> import numpy as np
        >>> from chainerjax import utils
        >>> x = utils.to_coo(np.array([[0, 2, 0], [-1, 0, 0]], np.float32))
        >>> x.data.array
        array([ 2., -1.], dtype=float32)
        >>> x.row, x.col, x.shape
        (array([0, 1], dtype=int32), array([1, 0], dtype=int32), (2, 3))
    """
    on_jax = _is_jax_array(x)
    h = _host(x, 'to_coo')
    if h.ndim == 2:
        data, row, col = _coo_arrays(h, ldnz)
        shape = h.shape
    elif h.ndim == 3:
        n = max([int(numpy.count_nonzero(m)) for m in h] + [ldnz or 0])
        data = numpy.empty((len(h), n), h.dtype)
        row = numpy.empty((len(h), n), numpy.int32)
        col = numpy.empty((len(h), n), numpy.int32)
        for i, m in enumerate(h):
            data[i], row[i], col[i] = _coo_arrays(m, n)
        shape = h.shape[1:]
    else:
        raise ValueError('ndim of x must be 2 or 3.')
    if on_jax:
        import jax
        device = list(x.devices())[0]
        data, row, col = (jax.device_put(a, device)
                          for a in (data, row, col))
    return CooMatrix(data, row, col, shape, requires_grad=requires_grad)


def _coo_arrays(m, ldnz):
    rows, cols = numpy.nonzero(m)
    nnz = len(rows)
    if ldnz is None or ldnz < nnz:
        ldnz = nnz
    data = numpy.zeros(ldnz, m.dtype)
    row = numpy.full(ldnz, -1, numpy.int32)
    col = numpy.full(ldnz, -1, numpy.int32)
    data[:nnz] = m[rows, cols]
    row[:nnz] = rows
    col[:nnz] = cols
    return data, row, col


def get_order(row, col):
    """Tells whether COO indices are in C order (rows sorted, columns
    sorted within a row) or F order (the other way round).

    Padding entries (index -1 in both ``row`` and ``col``) are ignored.

    Args:
        row (array): row indices, 1-D or, for a batch, 2-D.
        col (array): column indices of the same shape.

    Returns:
        str: ``'C'``, ``'F'`` or ``'other'``.

    Raises:
        ValueError: if the shapes differ or an index is -1 in only one of
            ``row`` and ``col``.
    """
    row = _host(row, 'get_order')
    col = _host(col, 'get_order')
    if _is_c_order(row, col):
        return 'C'
    if _is_c_order(col, row):
        return 'F'
    return 'other'


def _is_c_order(row, col):
    if row.shape != col.shape:
        raise ValueError('shape of row and col must be the same.')
    if row.ndim != 1:
        return all(_is_c_order(r, c) for r, c in zip(row, col))
    kept_row = row[col >= 0]
    kept_col = col[row >= 0]
    if (kept_row < 0).any() or (kept_col < 0).any():
        raise ValueError('invalid index combination of row and col.')
    if kept_row.shape[0] <= 1:
        return True
    row_step = numpy.diff(kept_row)
    if (row_step < 0).any():
        return False
    col_step = numpy.diff(kept_col)
    return bool((col_step[row_step == 0] >= 0).all())
