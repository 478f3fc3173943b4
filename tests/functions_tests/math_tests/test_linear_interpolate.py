import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('dtype', DTYPES)
def test_linear_interpolate(dtype):
    p, x, y = [numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
               for _ in range(3)]
    z = functions.linear_interpolate(p, x, y)
    assert z.dtype == dtype
    numpy.testing.assert_allclose(z.array, p * x + (1 - p) * y,
                                  **_numgrad.tol(dtype))
    _numgrad.check_backward(functions.linear_interpolate, (p, x, y),
                            double=dtype == numpy.float64)


def test_shape_error():
    a = numpy.zeros((2,), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.linear_interpolate(a, a, numpy.zeros((3,), numpy.float32))
