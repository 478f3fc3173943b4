import numpy
import pytest

from chainerjax import functions as F
from chainerjax import gradient_check

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_squared_error(dtype):
    x0 = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    x1 = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    for f in (F.squared_error, F.squared_difference):
        y = f(x0, x1)
        assert y.dtype == dtype
        numpy.testing.assert_allclose(y.array, (x0 - x1) ** 2, rtol=1e-3)
    if dtype == numpy.float64:
        gy = numpy.random.uniform(-1, 1, (3, 4))
        gradient_check.check_backward(F.squared_error, (x0, x1), gy)
        gradient_check.check_double_backward(
            F.squared_error, (x0, x1), gy, (gy, gy))
