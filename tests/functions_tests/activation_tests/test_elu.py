import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_elu(shape, dtype):
    x = numpy.random.uniform(-2, 2, shape).astype(dtype)
    y = functions.elu(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.where(x64 > 0, x64, numpy.expm1(x64))
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.elu, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_elu_gradient_at_kinks_matches_chainer(dtype):
    fixtures.check_against_chainer(functions.elu, 'kink_elu', dtype)
