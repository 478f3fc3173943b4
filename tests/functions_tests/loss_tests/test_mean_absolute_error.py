import numpy
import pytest

from chainerjax import functions as F
from chainerjax import gradient_check

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_mean_absolute_error(dtype):
    x0 = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    x1 = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    y = F.mean_absolute_error(x0, x1)
    assert y.dtype == dtype and y.shape == ()
    numpy.testing.assert_allclose(
        y.array, numpy.abs(x0.astype(numpy.float64) - x1).mean(),
        rtol=1e-3 if dtype == numpy.float16 else 1e-6)
    if dtype == numpy.float64:
        gradient_check.check_backward(F.mean_absolute_error, (x0, x1),
                                      numpy.array(1.3))
