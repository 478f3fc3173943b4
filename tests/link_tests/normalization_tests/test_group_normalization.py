import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.normalization_tests import _fixtures


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestGroupNormalization(unittest.TestCase):
    """Against real Chainer: a lazily initialized link's output and
    gradients."""

    def test_forward_backward(self):
        c = _fixtures.case('gn_' + numpy.dtype(self.dtype).name)
        with chainer.using_config('dtype', self.dtype):
            link = L.GroupNormalization(2, initial_gamma=c['gamma'],
                                        initial_beta=c['beta'])
            assert link.gamma.array is None
            x = chainer.Variable(c['x'])
            y = link(x)
        assert link.gamma.shape == (4,) and link.gamma.dtype == self.dtype
        assert y.dtype == self.dtype
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


class TestGroupNormalizationLink(object):

    def test_defaults(self):
        link = L.GroupNormalization(3, 6)
        assert (link.groups, link.eps) == (3, 1e-5)
        numpy.testing.assert_array_equal(link.gamma.array, numpy.ones(6))
        numpy.testing.assert_array_equal(link.beta.array, numpy.zeros(6))
        assert link.gamma.dtype == numpy.float32
        assert sorted(npz.serialize(link)) == ['beta', 'gamma']
        with chainer.using_config('dtype', chainer.mixed16):
            assert L.GroupNormalization(2, 4).gamma.dtype == numpy.float32

    def test_errors(self):
        with pytest.raises(ValueError):
            L.GroupNormalization(2)(numpy.zeros(4, numpy.float32))
        with pytest.raises(ValueError):
            L.GroupNormalization(3)(numpy.zeros((2, 4, 2), numpy.float32))

    def test_backward_numerical(self):
        c = _fixtures.case('gn_float64')
        with chainer.using_config('dtype', numpy.float64):
            link = L.GroupNormalization(2, 4, initial_gamma=c['gamma'],
                                        initial_beta=c['beta'])
        link.cleargrads()
        gradient_check.check_backward(
            link, c['x'], c['gy'], params=(link.gamma, link.beta),
            eps=1e-3, atol=1e-6, rtol=1e-5)
