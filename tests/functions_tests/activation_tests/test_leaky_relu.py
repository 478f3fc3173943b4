import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_leaky_relu(shape, dtype):
    x = numpy.random.uniform(-1, 1, shape).astype(dtype)
    y = functions.leaky_relu(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.where(x64 > 0, x64, 0.2 * x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.leaky_relu, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_leaky_relu_gradient_at_kinks_matches_chainer(dtype):
    fixtures.check_against_chainer(functions.leaky_relu, 'kink_leaky_relu',
                                   dtype)
