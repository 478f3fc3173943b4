import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_cholesky(dtype):
    a = numpy.random.uniform(-1, 1, (3, 3))
    a = (a @ a.T + 3 * numpy.eye(3)).astype(dtype)
    y = functions.cholesky(a)
    assert y.dtype == dtype
    numpy.testing.assert_allclose(
        y.array, numpy.linalg.cholesky(a.astype(numpy.float64)),
        **_numgrad.tol(dtype))
    # Chainer's gradient is the symmetric one: compare with the numerical
    # gradient of cholesky((a + a^T) / 2).
    _numgrad.check_backward(
        lambda v: functions.cholesky((v + v.T) * 0.5), (a,))
    gy = numpy.random.uniform(-1, 1, (3, 3)).astype(dtype)
    g_sym, = _numgrad.grad_at(lambda v: functions.cholesky((v + v.T) * 0.5),
                              (a,), [gy])
    g, = _numgrad.grad_at(functions.cholesky, (a,), [gy])
    numpy.testing.assert_allclose(g, g_sym, **_numgrad.tol(dtype))
