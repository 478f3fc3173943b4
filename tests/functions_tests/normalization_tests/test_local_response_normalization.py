import numpy

from chainerjax import functions
from chainerjax import gradient_check
from tests.functions_tests.normalization_tests import _fixtures


def test_local_response_normalization_matches_chainer():
    _fixtures.check('lrn', lambda x: functions.local_response_normalization(
        x, n=3, k=1, alpha=0.5, beta=0.6))
    _fixtures.check('lrn5', functions.local_response_normalization)


def test_local_response_normalization_float32_and_double_backward():
    x = numpy.random.uniform(-1, 1, (2, 4, 2)).astype(numpy.float32)
    y = functions.local_response_normalization(x, n=3, alpha=0.3)
    assert y.dtype == numpy.float32
    x64 = x.astype(numpy.float64)
    gy = numpy.random.uniform(-1, 1, x.shape)
    gradient_check.check_double_backward(
        lambda v: functions.local_response_normalization(v, n=3, alpha=.3),
        x64, gy, numpy.random.uniform(-1, 1, x.shape))
