"""Orthogonal initializer (``chainer.initializers.Orthogonal``)."""
import numpy

from chainerjax import initializer

# mode: (the rows must be independent, the columns must be independent)
_orthogonal_constraints = {
    'auto': (False, False),
    'projection': (False, True),
    'embedding': (True, False),
    'basis': (True, True),
}


class Orthogonal(initializer.Initializer):
    """Fills an array with a scaled (semi-)orthogonal matrix.

    The array is seen as a matrix of ``shape[0]`` rows (all other axes
    flattened into the columns). A standard Gaussian matrix of that shape
    (transposed if it has more columns than rows) is QR-decomposed, the
    signs are fixed so that ``R`` has a non-negative diagonal (which makes
    the result unique), and ``scale * Q`` (transposed back) is stored: the
    rows, or the columns, are orthogonal with norm ``scale``. A 0-dim array
    gets ``scale`` or ``-scale``.

    Args:
        scale (float): the norm of the orthogonal vectors.
        dtype: the dtype of the arrays made.
        mode (str): what the shape must allow: ``'auto'`` (any shape),
            ``'projection'`` (``rows <= columns``), ``'embedding'``
            (``rows >= columns``) or ``'basis'`` (square).
        rng: a ``numpy.random.RandomState``/``Generator`` (default: NumPy's
            global generator).

    Raises:
        ValueError: for an unknown ``mode``; when called, for an empty
            array or a shape the mode does not allow.

    Example:
        >>> import numpy as np
        >>> from chainerjax import initializers
        >>> w = np.empty((2, 3), np.float64)
        >>> initializers.Orthogonal(scale=1.0)(w)
        >>> np.allclose(w.dot(w.T), np.eye(2))
        True
    """

    def __init__(self, scale=1.1, dtype=None, mode='auto', **kwargs):
        self.scale = scale
        self.mode = mode
        rng = kwargs.pop('rng', None)
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))
        self.rng = rng
        try:
            self._checks = _orthogonal_constraints[mode]
        except KeyError:
            raise ValueError(
                'Invalid mode: {}. Choose from {}.'.format(
                    repr(mode),
                    ', '.join(repr(m) for m in _orthogonal_constraints)))
        super(Orthogonal, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype, \
                '{} != {}'.format(array.dtype, self.dtype)
        initializer._check_writable(array, 'Orthogonal')
        rng = numpy.random if self.rng is None else self.rng
        if not array.shape:
            sign = 2 * int(rng.randint(2)) - 1
            array[...] = self.scale * sign
            return
        if not array.size:
            raise ValueError('Array to be initialized must be non-empty.')
        out_dim = array.shape[0]
        in_dim = int(numpy.prod(array.shape[1:], dtype=numpy.int64))
        if (in_dim > out_dim and self._checks[0]) or (
                in_dim < out_dim and self._checks[1]):
            raise ValueError(
                'Cannot make orthogonal {}. shape = {}, interpreted as '
                '{}-dim input and {}-dim output.'.format(
                    self.mode, array.shape, in_dim, out_dim))
        transpose = in_dim > out_dim
        a = numpy.asarray(rng.normal(size=(out_dim, in_dim)))
        if transpose:
            a = a.T
        q, r = numpy.linalg.qr(a)
        q *= numpy.copysign(self.scale, numpy.diag(r))
        if transpose:
            q = q.T
        array[...] = q.reshape(array.shape).astype(array.dtype, copy=False)
