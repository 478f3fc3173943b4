import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('dtype', DTYPES)
def test_fmod(dtype):
    x = numpy.random.uniform(-5, 5, (3, 2)).astype(dtype)
    d = numpy.random.uniform(0.7, 2, (3, 2)).astype(dtype)
    d[0] *= -1
    # keep x / d away from integers (kinks of fmod)
    frac = numpy.abs(x / d) % 1
    x[(frac < 0.1) | (frac > 0.9)] = (
        dtype(0.5) * d[(frac < 0.1) | (frac > 0.9)])
    y = functions.fmod(x, d)
    assert y.dtype == dtype
    numpy.testing.assert_allclose(y.array, numpy.fmod(x, d),
                                  **_numgrad.tol(dtype))
    _numgrad.check_backward(functions.fmod, (x, d))


def test_dtype_error():
    with pytest.raises(type_check.InvalidType):
        functions.fmod(numpy.ones(2, numpy.float32),
                       numpy.ones(2, numpy.float64))
