"""Random matrices with chosen singular values (``chainer.testing.matrix``).
"""

import numpy


def generate_matrix(shape, dtype=float, **kwargs):
    r"""generate_matrix(shape, dtype=float, *, singular_values)

    Generates a random matrix (or stack of matrices) with given singular
    values, e.g. to feed numerically delicate functions well-conditioned
    inputs. Uses NumPy's global random state.

    With ``shape`` written :math:`(B..., M, N)` and :math:`K = \min(M, N)`:

    Args:
        shape (tuple of int): Shape :math:`(B..., M, N)` of the result; at
            least two axes.
        dtype: Floating or complex dtype of the result.
        singular_values (array-like): Non-negative real singular values,
            broadcastable to :math:`(B..., K)`. Required.

    Returns:
        numpy.ndarray: The matrices.

    Raises:
        ValueError: If ``shape`` has fewer than two axes or a singular value
            is negative.
        TypeError: If ``dtype`` is not floating or complex, or
            ``singular_values`` is missing or not real, or an unknown keyword
            argument is given.
    """
    singular_values = kwargs.pop('singular_values', None)
    if kwargs:
        raise TypeError(
            'generate_matrix() got unexpected keyword argument(s) {}'.format(
                ', '.join(repr(k) for k in sorted(kwargs))))
    if len(shape) <= 1:
        raise ValueError(
            'shape {} is invalid for matrices: too few axes'.format(shape))
    dtype = numpy.dtype(dtype)
    if dtype.kind not in 'fc':
        raise TypeError('dtype {} is not supported'.format(dtype))
    if singular_values is None:
        raise TypeError('singular_values is not given')
    singular_values = numpy.asarray(singular_values)
    if not numpy.isrealobj(singular_values):
        raise TypeError('singular_values is not real')
    if (singular_values < 0).any():
        raise ValueError('negative singular value is given')

    k = min(shape[-2:])
    # Raises on a shape mismatch, also for empty results.
    sv = numpy.broadcast_to(singular_values, tuple(shape[:-2]) + (k,))
    if 0 in shape:
        return numpy.empty(shape, dtype=dtype)

    # Orthonormal factors from the SVD of a random matrix, recombined with
    # the requested singular values.
    a = numpy.random.randn(*shape)
    if dtype.kind == 'c':
        a = a + 1j * numpy.random.randn(*shape)
    u, _, vh = numpy.linalg.svd(a, full_matrices=False)
    a = numpy.einsum('...ik,...k,...kj->...ij', u, sv, vh)
    return a.astype(dtype)
