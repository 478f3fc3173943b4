import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('axis', [0, 1, -1])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_crelu(axis, dtype):
    x = numpy.random.uniform(-1, 1, (2, 3)).astype(dtype)
    x[abs(x) < 0.05] = 0.5
    y = functions.crelu(x, axis=axis)
    expected = numpy.concatenate(
        [numpy.maximum(x, 0), numpy.maximum(-x, 0)], axis=axis)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(y.array, expected)
    _numgrad.check_backward(
        lambda v: functions.crelu(v, axis=axis), (x,),
        double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_crelu_gradient_at_zero_matches_chainer(dtype):
    fixtures.check_against_chainer(
        lambda x: functions.crelu(x, axis=0), 'kink_crelu', dtype)


def test_crelu_errors():
    with pytest.raises(TypeError):
        functions.crelu(numpy.zeros((2, 3), numpy.float32), axis=1.0)
    with pytest.raises(type_check.InvalidType):
        functions.crelu(numpy.zeros((2, 3), numpy.float32), axis=2)
