import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_maxout(dtype):
    x = numpy.random.permutation(24).reshape(2, 6, 2).astype(dtype)
    y = functions.maxout(x, 3)
    assert y.shape == (2, 2, 2)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(
        y.array, x.reshape(2, 2, 3, 2).max(axis=2))
    _numgrad.check_backward(lambda v: functions.maxout(v, 3), (x,))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_maxout_ties_match_chainer(dtype):
    fixtures.check_against_chainer(
        lambda x: functions.maxout(x, 3), 'kink_maxout', dtype)


def test_maxout_errors():
    x = numpy.zeros((2, 6), numpy.float32)
    with pytest.raises(ValueError):
        functions.maxout(x, 0)
    with pytest.raises(type_check.InvalidType):
        functions.maxout(x, 4)
