import unittest

import numpy

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.loss_tests import _fixtures

COUNTS = [5, 1, 2, 2, 3]


def _make(c, dtype):
    with chainer.using_config('dtype', dtype):
        link = L.BlackOut(3, COUNTS, 2)
    link.W.array[...] = c['W']
    link.sample_data = c['samples']
    return link


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
class TestBlackOut(unittest.TestCase):
    """Against real Chainer, with ``sample_data`` fixed."""

    def test_forward_backward(self):
        c = _fixtures.case('bo_' + numpy.dtype(self.dtype).name)
        link = _make(c, self.dtype)
        link.cleargrads()
        x = chainer.Variable(c['x'])
        loss = link(x, c['t'])
        assert loss.shape == () and loss.dtype == self.dtype
        tol = _fixtures.tol(self.dtype)
        numpy.testing.assert_allclose(loss.array, c['loss'], **tol)
        loss.backward()
        numpy.testing.assert_allclose(x.grad, c['gx'], **tol)
        numpy.testing.assert_allclose(link.W.grad, c['gW'], **tol)


class TestBlackOutLink(object):

    def test_parameters(self):
        link = L.BlackOut(4, COUNTS, 3)
        assert link.sample_size == 3 and link.sample_data is None
        assert link.W.shape == (5, 4) and link.W.dtype == numpy.float32
        assert numpy.isnan(link.W.array).all()   # as in Chainer
        assert sorted(npz.serialize(link)) == ['W']
        p = numpy.array(COUNTS, numpy.float32)
        numpy.testing.assert_array_equal(
            link.sampler.threshold,
            chainer.utils.WalkerAlias(p).threshold)

    def test_samples_drawn(self):
        numpy.random.seed(1)
        link = L.BlackOut(3, COUNTS, 4)
        link.W.array[...] = 0.1
        loss = link(numpy.ones((3, 3), numpy.float32),
                    numpy.array([0, 1, 2], numpy.int32))
        assert loss.shape == () and numpy.isfinite(loss.array)

    def test_backward_numerical(self):
        c = _fixtures.case('bo_float64')
        link = _make(c, numpy.float64)
        link.cleargrads()
        gradient_check.check_backward(
            lambda x: link(x, c['t']), c['x'], None, params=(link.W,),
            eps=1e-3, atol=1e-6, rtol=1e-5)
