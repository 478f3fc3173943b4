import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
from chainerjax import link_hooks
import chainerjax.links as L
from chainerjax import testing
from tests.link_hooks_tests import _fixtures


@testing.parameterize(*testing.product({
    'kind': ['linear', 'conv'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestWeightStandardization(unittest.TestCase):
    """Against real Chainer: output and gradients."""

    def test_matches_chainer(self):
        c = _fixtures.case('ws_{}_{}'.format(self.kind,
                                             numpy.dtype(self.dtype).name))
        with chainer.using_config('dtype', self.dtype):
            if self.kind == 'linear':
                link = L.Linear(4, 3, initialW=c['W'], initial_bias=0.5)
            else:
                link = L.Convolution2D(3, 2, 2, initialW=c['W'])
        link.add_hook(link_hooks.WeightStandardization())
        link.cleargrads()
        x = chainer.Variable(c['x'])
        y = link(x)
        assert isinstance(link.W, chainer.Parameter)
        numpy.testing.assert_allclose(y.array, c['y'],
                                      **_fixtures.tol(self.dtype))
        y.grad = c['gy']
        y.backward()
        gtol = _fixtures.grad_tol(self.dtype)
        numpy.testing.assert_allclose(x.grad, c['gx'], **gtol)
        numpy.testing.assert_allclose(link.W.grad, c['gW'], **gtol)


class TestWeightStandardizationHook(object):

    def test_standardized_weight(self):
        numpy.random.seed(0)
        link = L.Linear(None, 3)   # lazy: initialized by the hook
        hook = link_hooks.WeightStandardization(eps=1e-8, name='ws')
        assert hook.name == 'ws' and hook.eps == 1e-8
        link.add_hook(hook)
        seen = []

        class Spy(chainer.LinkHook):
            name = 'spy'

            def forward_preprocess(self, args):
                seen.append(args.link.W.array)
        link.add_hook(Spy())
        link(numpy.ones((2, 5), numpy.float32))
        assert link.W.shape == (3, 5)
        w = numpy.asarray(seen[0])
        numpy.testing.assert_allclose(w.mean(axis=1), 0, atol=1e-6)
        numpy.testing.assert_allclose(w.std(axis=1), 1, rtol=1e-4)

    def test_errors(self):
        with pytest.raises(ValueError):
            L.Linear(2, 2).add_hook(
                link_hooks.WeightStandardization(weight_name='V'))
        with pytest.raises(TypeError):
            link_hooks.WeightStandardization(1e-5)   # keyword-only
        with pytest.raises(NotImplementedError):
            with link_hooks.WeightStandardization():
                pass

    def test_backward_numerical(self):
        c = _fixtures.case('ws_linear_float64')
        with chainer.using_config('dtype', numpy.float64):
            link = L.Linear(4, 3, initialW=c['W'], initial_bias=0.5)
        link.add_hook(link_hooks.WeightStandardization())
        link.cleargrads()
        gradient_check.check_backward(link, c['x'], c['gy'],
                                      params=(link.W, link.b),
                                      eps=1e-3, atol=1e-6, rtol=1e-5)
