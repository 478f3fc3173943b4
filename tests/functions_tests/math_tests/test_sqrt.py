import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_sqrt(shape, dtype):
    x = numpy.random.uniform(0.5, 2, shape).astype(dtype)
    y = functions.sqrt(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.sqrt(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.sqrt, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_rsqrt(shape, dtype):
    x = numpy.random.uniform(0.5, 2, shape).astype(dtype)
    y = functions.rsqrt(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = 1 / numpy.sqrt(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.rsqrt, (x,), double=dtype == numpy.float64)
