import numpy

import chainerjax as chainer
from chainerjax import functions


def test_zoneout_train():
    h = numpy.random.uniform(-1, 1, (100, 50)).astype(numpy.float32)
    x = numpy.random.uniform(2, 3, (100, 50)).astype(numpy.float32)
    hv, xv = chainer.Variable(h), chainer.Variable(x)
    numpy.random.seed(2)
    with chainer.using_config('train', True):
        y = functions.zoneout(hv, xv, 0.3)
    from_h = y.array < 2
    numpy.testing.assert_array_equal(y.array, numpy.where(from_h, h, x))
    assert abs(from_h.mean() - 0.3) < 0.03
    y.grad = numpy.ones_like(y.array)
    y.backward()
    numpy.testing.assert_array_equal(hv.grad, from_h.astype(numpy.float32))
    numpy.testing.assert_array_equal(xv.grad, (~from_h).astype(numpy.float32))
    numpy.random.seed(2)
    with chainer.using_config('train', True):
        y2 = functions.zoneout(h, x, 0.3)
    numpy.testing.assert_array_equal(y.array, y2.array)


def test_zoneout_test_mode_returns_x():
    h = numpy.zeros((2, 3), numpy.float32)
    x = numpy.ones((2, 3), numpy.float32)
    with chainer.using_config('train', False):
        assert functions.zoneout(h, x) is x
