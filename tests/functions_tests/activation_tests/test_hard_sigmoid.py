import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_hard_sigmoid(shape, dtype):
    x = numpy.random.uniform(-3.5, 3.5, shape).astype(dtype)
    y = functions.hard_sigmoid(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.clip(0.2 * x64 + 0.5, 0, 1)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.hard_sigmoid, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_hard_sigmoid_gradient_at_kinks_matches_chainer(dtype):
    fixtures.check_against_chainer(functions.hard_sigmoid,
                                   'kink_hard_sigmoid', dtype)
