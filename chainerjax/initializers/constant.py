"""Constant-valued initializers."""
import numpy

from chainerjax import initializer


class Constant(initializer.Initializer):
    """Fills with ``fill_value`` (a scalar or an array broadcast to the
    target).

    Args:
        fill_value: the value.
        dtype: the dtype of the arrays made.
    """

    def __init__(self, fill_value, dtype=None):
        self.fill_value = fill_value
        super(Constant, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype, \
                '{} != {}'.format(array.dtype, self.dtype)
        initializer._check_writable(array, type(self).__name__)
        value = self.fill_value
        if not numpy.isscalar(value):
            value = numpy.asarray(value)
        array[...] = value


def Zero(dtype=None):
    """Returns an initializer that fills with zeros."""
    return Constant(0.0, dtype=dtype)


def One(dtype=None):
    """Returns an initializer that fills with ones."""
    return Constant(1.0, dtype=dtype)


def NaN(dtype=None):
    """Returns an initializer that fills with NaN."""
    return Constant(numpy.nan, dtype=dtype)


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
