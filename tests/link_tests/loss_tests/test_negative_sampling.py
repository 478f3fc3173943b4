import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.loss_tests import _fixtures

COUNTS = [5, 1, 2, 2, 3]


def _make(c, dtype):
    with chainer.using_config('dtype', dtype):
        link = L.NegativeSampling(3, COUNTS, 2)
    link.W.array[...] = c['W']
    samples = c['samples']
    link.sampler.sample = lambda shape: samples.copy()
    return link


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
class TestNegativeSampling(unittest.TestCase):
    """Against real Chainer, with the samples fixed."""

    def setUp(self):
        self.c = _fixtures.case('ns_' + numpy.dtype(self.dtype).name)

    def test_forward_backward(self):
        c = self.c
        link = _make(c, self.dtype)
        # the alias table's float32 probabilities: a sum's last bits depend
        # on the CPU's SIMD width (2 ulps of 1.0 on an AMD EPYC)
        numpy.testing.assert_allclose(link.sampler.threshold,
                                      c['threshold'], rtol=1e-6, atol=0)
        numpy.testing.assert_array_equal(link.sampler.values, c['values'])
        link.cleargrads()
        x = chainer.Variable(c['x'])
        loss = link(x, c['t'])
        assert loss.shape == () and loss.dtype == self.dtype
        tol = _fixtures.tol(self.dtype)
        numpy.testing.assert_allclose(loss.array, c['loss'], **tol)
        loss.backward()
        numpy.testing.assert_allclose(x.grad, c['gx'], **tol)
        numpy.testing.assert_allclose(link.W.grad, c['gW'], **tol)
        loss_no, samples = link(c['x'], c['t'], reduce='no',
                                return_samples=True)
        numpy.testing.assert_allclose(loss_no.array, c['loss_no'], **tol)
        expected = c['samples'].copy()
        expected[:, 0] = c['t']
        numpy.testing.assert_array_equal(samples, expected)


class TestNegativeSamplingLink(object):

    def test_parameters(self):
        link = L.NegativeSampling(4, COUNTS, 3, power=0.5)
        assert link.sample_size == 3
        assert link.W.shape == (5, 4) and link.W.dtype == numpy.float32
        numpy.testing.assert_array_equal(link.W.array, 0)
        assert sorted(npz.serialize(link)) == ['W']
        with pytest.raises(TypeError):
            link(numpy.zeros((1, 4), numpy.float32),
                 numpy.zeros(1, numpy.int32), unknown=True)
        with pytest.raises(ValueError):
            link(numpy.zeros((1, 4), numpy.float32),
                 numpy.zeros(1, numpy.int32), reduce='mean')

    def test_sampler_draws(self):
        link = L.NegativeSampling(3, COUNTS, 4)
        t = numpy.array([0, 1, 2], numpy.int32)
        _, samples = link(numpy.ones((3, 3), numpy.float32), t,
                          return_samples=True)
        assert samples.shape == (3, 5) and samples.dtype == numpy.int32
        numpy.testing.assert_array_equal(samples[:, 0], t)
        assert ((samples >= 0) & (samples < 5)).all()

    def test_backward_numerical(self):
        c = _fixtures.case('ns_float64')
        link = _make(c, numpy.float64)
        link.cleargrads()
        gradient_check.check_backward(
            lambda x: link(x, c['t']), c['x'], None, params=(link.W,),
            eps=1e-3, atol=1e-6, rtol=1e-5)

    def test_jit_resamples(self):
        numpy.random.seed(0)
        link = L.NegativeSampling(3, COUNTS, 6)
        link.W.array[...] = numpy.random.RandomState(0).uniform(
            -1, 1, (5, 3))
        x = numpy.ones((2, 3), numpy.float32)
        t = numpy.array([0, 1], numpy.int32)
        step = chainer.jit(lambda x, t: link(x, t, return_samples=True),
                           links=[link])
        draws = [step(x, t) for _ in range(4)]
        assert step.compiles == 1
        samples = [numpy.asarray(chainer.as_array(s)) for _, s in draws]
        assert any((samples[1] != s).any() for s in samples[2:])
        for s in samples:
            numpy.testing.assert_array_equal(s[:, 0], t)
