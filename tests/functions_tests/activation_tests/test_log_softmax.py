import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('axis', [0, 1, -1])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_log_softmax(axis, dtype):
    x = numpy.random.uniform(-2, 2, (2, 3)).astype(dtype)
    y = functions.log_softmax(x, axis=axis)
    x64 = x.astype(numpy.float64)
    m = x64.max(axis=axis, keepdims=True)
    expected = x64 - m - numpy.log(
        numpy.exp(x64 - m).sum(axis=axis, keepdims=True))
    assert y.dtype == dtype
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(
        lambda v: functions.log_softmax(v, axis=axis), (x,),
        double=dtype == numpy.float64)


def test_log_softmax_large_values():
    x = numpy.array([[1000., 0.]], numpy.float32)
    y = functions.log_softmax(x)
    numpy.testing.assert_allclose(y.array, [[0., -1000.]])
