import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_selu(shape, dtype):
    x = numpy.random.uniform(-2, 2, shape).astype(dtype)
    y = functions.selu(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = 1.0507009873554805 * numpy.where(
        x64 > 0, x64, 1.6732632423543772 * numpy.expm1(x64))
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.selu, (x,), double=dtype == numpy.float64)
