import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from chainerjax import gradient_check


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_gaussian_given_eps(dtype):
    m = numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
    v = numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
    eps = numpy.random.standard_normal((3, 2)).astype(dtype)
    y, e = functions.gaussian(m, v, eps=eps, return_eps=True)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(e, eps)
    numpy.testing.assert_allclose(
        y.array, m + numpy.exp(v.astype(numpy.float64) / 2) * eps,
        **({'rtol': 1e-2, 'atol': 1e-2} if dtype == numpy.float16
           else {'rtol': 1e-6}))


def test_gaussian_gradient():
    m = numpy.random.uniform(-1, 1, (3, 2))
    v = numpy.random.uniform(-1, 1, (3, 2))
    eps = numpy.random.standard_normal((3, 2))
    gy = numpy.random.uniform(-1, 1, (3, 2))
    gradient_check.check_backward(
        lambda a, b: functions.gaussian(a, b, eps=eps), (m, v), gy)
    ggx = (numpy.random.uniform(-1, 1, (3, 2)),
           numpy.random.uniform(-1, 1, (3, 2)))
    gradient_check.check_double_backward(
        lambda a, b: functions.gaussian(a, b, eps=eps), (m, v), gy, ggx)


def test_gaussian_statistics_and_seed():
    m = numpy.full((200, 100), 2., numpy.float32)
    v = numpy.full((200, 100), numpy.log(9.), numpy.float32)
    numpy.random.seed(0)
    y, e = functions.gaussian(m, v, return_eps=True)
    assert e.dtype == numpy.float32
    assert abs(y.array.mean() - 2) < 0.1
    assert abs(y.array.std() - 3) < 0.1
    numpy.random.seed(0)
    y2 = functions.gaussian(m, v)
    numpy.testing.assert_array_equal(y.array, y2.array)
    # Samples in test mode too, as Chainer does.
    with chainer.using_config('train', False):
        y3 = functions.gaussian(m, v)
    assert not numpy.array_equal(y.array, y3.array)
