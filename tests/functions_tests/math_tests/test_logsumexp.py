import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('axis', [None, 0, (0, 2), -1])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_logsumexp(axis, dtype):
    x = numpy.random.uniform(-2, 2, (2, 3, 2)).astype(dtype)
    y = functions.logsumexp(x, axis=axis)
    expected = numpy.log(numpy.exp(x.astype(numpy.float64)).sum(axis=axis))
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(lambda v: functions.logsumexp(v, axis=axis),
                            (x,), double=dtype == numpy.float64)


def test_logsumexp_large():
    y = functions.logsumexp(numpy.array([1000., 1000.], numpy.float32))
    numpy.testing.assert_allclose(y.array, 1000. + numpy.log(2.))
