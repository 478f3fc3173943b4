# minimum is tested with maximum in test_maximum.py.
import numpy

from chainerjax import functions


def test_minimum_is_exported():
    y = functions.minimum(numpy.array([1., 2.]), numpy.array([2., 1.]))
    numpy.testing.assert_array_equal(y.array, [1., 1.])
