import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('method', ['fft', 'ifft'])
@pytest.mark.parametrize('dtype', DTYPES)
def test_fft(method, dtype):
    r = numpy.random.uniform(-1, 1, (2, 4)).astype(dtype)
    i = numpy.random.uniform(-1, 1, (2, 4)).astype(dtype)
    f = getattr(functions, method)
    yr, yi = f((r, i))
    expected = getattr(numpy.fft, method)(r + 1j * i.astype(numpy.float64))
    assert yr.dtype == dtype and yi.dtype == dtype
    numpy.testing.assert_allclose(yr.array, expected.real,
                                  **_numgrad.tol(dtype, 2))
    numpy.testing.assert_allclose(yi.array, expected.imag,
                                  **_numgrad.tol(dtype, 2))
    _numgrad.check_backward(lambda a, b: f((a, b)), (r, i))
