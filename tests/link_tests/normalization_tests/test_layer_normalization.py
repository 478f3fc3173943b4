import unittest

import numpy

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.normalization_tests import _fixtures


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestLayerNormalization(unittest.TestCase):
    """Against real Chainer: a lazily initialized link's output and
    gradients."""

    def test_forward_backward(self):
        c = _fixtures.case('ln_' + numpy.dtype(self.dtype).name)
        with chainer.using_config('dtype', self.dtype):
            # (array initializers initialize the parameters at once, as
            # in Chainer)
            link = L.LayerNormalization(initial_gamma=c['gamma'],
                                        initial_beta=c['beta'])
            x = chainer.Variable(c['x'])
            y = link(x)
        assert link.gamma.shape == (5,) and link.gamma.dtype == self.dtype
        numpy.testing.assert_allclose(y.array, c['y'],
                                      **_fixtures.tol(self.dtype))
        link.cleargrads()
        y.grad = c['gy']
        y.backward()
        gtol = _fixtures.grad_tol(self.dtype)
        for actual, key in ((x.grad, 'gx'), (link.gamma.grad, 'ggamma'),
                            (link.beta.grad, 'gbeta')):
            numpy.testing.assert_allclose(actual, c[key], err_msg=key,
                                          **gtol)


class TestLayerNormalizationLink(object):

    def test_defaults(self):
        link = L.LayerNormalization(4)
        assert link.eps == 1e-6
        numpy.testing.assert_array_equal(link.gamma.array, numpy.ones(4))
        numpy.testing.assert_array_equal(link.beta.array, numpy.zeros(4))
        assert sorted(npz.serialize(link)) == ['beta', 'gamma']
        lazy = L.LayerNormalization(initial_gamma=2.)
        assert lazy.gamma.array is None
        y = lazy(numpy.arange(6, dtype=numpy.float32).reshape(2, 3))
        assert lazy.gamma.shape == (3,)
        numpy.testing.assert_allclose(
            y.array, numpy.tile([-1, 0, 1], (2, 1)) * 2 * numpy.sqrt(1.5),
            rtol=1e-5)

    def test_backward_numerical(self):
        c = _fixtures.case('ln_float64')
        with chainer.using_config('dtype', numpy.float64):
            link = L.LayerNormalization(initial_gamma=c['gamma'],
                                        initial_beta=c['beta'])
        link.cleargrads()
        gradient_check.check_backward(
            link, c['x'], c['gy'], params=(link.gamma, link.beta),
            eps=1e-3, atol=1e-6, rtol=1e-5)
