"""Constant-valued initializers."""
import numpy

from chainerjax import initializer


class _Constant(initializer.Initializer):
    """Base of the initializers that fill with the class's ``fill_value``
    (a scalar or an array broadcast to the target)."""

    fill_value = None

    def __init__(self, dtype=None):
        value = self.fill_value
        if not (numpy.isscalar(value) or hasattr(value, 'shape')):
            raise ValueError(
                'fill_value must be either scalar, numpy.ndarray or '
                'jax.Array, not {}'.format(type(value).__name__))
        super(_Constant, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype, \
                '{} != {}'.format(array.dtype, self.dtype)
        initializer._check_writable(array, type(self).__name__)
        value = self.fill_value
        if not numpy.isscalar(value):
            value = numpy.asarray(value)
        array[...] = value


class Constant(_Constant):
    """Fills with ``fill_value`` (a scalar or an array broadcast to the
    target).

    Args:
        fill_value: the value.
        dtype: the dtype of the arrays made.
    """

    def __init__(self, fill_value, dtype=None):
        self.fill_value = fill_value
        super(Constant, self).__init__(dtype)


class Zero(_Constant):
    """Fills with zeros.

    Args:
        dtype: the dtype of the arrays made.
    """

    fill_value = 0.0


class One(_Constant):
    """Fills with ones.

    Args:
        dtype: the dtype of the arrays made.
    """

    fill_value = 1.0


class NaN(_Constant):
    """Fills with NaN.

    Args:
        dtype: the dtype of the arrays made.
    """

    fill_value = numpy.nan


class Identity(initializer.Initializer):
    """Fills a square matrix with ``scale`` times the identity.

    Args:
        scale (float): the diagonal value.
        dtype: the dtype of the arrays made.
    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(Identity, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype
        initializer._check_writable(array, 'Identity')
        shape = array.shape
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError('Identity matrix initialization can only be used '
                             'for 2D squared matrices.')
        array[...] = 0
        numpy.fill_diagonal(array, self.scale)
