import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]
import warnings  # NOQA: E402


@pytest.mark.parametrize('a_shape,b_shape,transa,transb', [
    ((2, 3, 4), (2, 4, 5), False, False),
    ((2, 4, 3), (2, 5, 4), True, True),
    ((2, 3), (2, 3), True, False),
])
def test_batch_matmul(a_shape, b_shape, transa, transb):
    a = numpy.random.uniform(-1, 1, a_shape).astype(numpy.float32)
    b = numpy.random.uniform(-1, 1, b_shape).astype(numpy.float32)
    with pytest.warns(DeprecationWarning):
        y = functions.batch_matmul(a, b, transa, transb)
    a3 = a.reshape(a.shape[:2] + (-1,))
    b3 = b.reshape(b.shape[:2] + (-1,))
    if transa:
        a3 = a3.swapaxes(1, 2)
    if transb:
        b3 = b3.swapaxes(1, 2)
    assert y.dtype == numpy.float32
    numpy.testing.assert_allclose(y.array, a3 @ b3, rtol=1e-5, atol=1e-6)
    # float32 only, so the gradients are compared with those of
    # F.matmul on the equivalent 3-D operands.
    gy = numpy.random.uniform(-1, 1, y.shape).astype(numpy.float32)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        ga, gb = _numgrad.grad_at(
            lambda u, v: functions.batch_matmul(u, v, transa, transb),
            (a, b), [gy])
    ea, eb = _numgrad.grad_at(
        lambda u, v: functions.matmul(
            functions.reshape(u, a3.shape if not transa
                              else a3.shape[:1] + a3.shape[:0:-1]),
            functions.reshape(v, b3.shape if not transb
                              else b3.shape[:1] + b3.shape[:0:-1]),
            transa, transb), (a, b), [gy])
    numpy.testing.assert_allclose(ga, ea, rtol=1e-5, atol=1e-6)
    numpy.testing.assert_allclose(gb, eb, rtol=1e-5, atol=1e-6)


def test_batch_matmul_float32_only():
    a = numpy.zeros((2, 3, 3), numpy.float64)
    with pytest.warns(DeprecationWarning):
        with pytest.raises(type_check.InvalidType):
            functions.batch_matmul(a, a)
