import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_log1p(shape, dtype):
    x = numpy.random.uniform(-0.5, 1, shape).astype(dtype)
    y = functions.log1p(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.log1p(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.log1p, (x,), double=dtype == numpy.float64)
