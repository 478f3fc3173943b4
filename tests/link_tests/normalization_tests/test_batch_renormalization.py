import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.normalization_tests import _fixtures


def _make(c, dtype, **kwargs):
    return L.BatchRenormalization(
        3, rmax=1.5, dmax=0.5, dtype=dtype, initial_gamma=c['gamma'],
        initial_beta=c['beta'], initial_avg_mean=c['mean0'],
        initial_avg_var=c['var0'], **kwargs)


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestBatchRenormalization(unittest.TestCase):
    """Against real Chainer: outputs, gradients and running statistics."""

    def setUp(self):
        self.c = _fixtures.case('brn_' + numpy.dtype(self.dtype).name)
        self.tol = _fixtures.tol(self.dtype)

    def check(self, actual, key):
        expected = self.c[key]
        actual = numpy.asarray(actual)
        assert actual.dtype == expected.dtype, key
        numpy.testing.assert_allclose(actual, expected, err_msg=key,
                                      **self.tol)

    def test_train_and_test_modes(self):
        c = self.c
        link = _make(c, self.dtype)
        assert link.avg_mean.dtype == self.dtype and link.N == 0
        link.cleargrads()
        x = chainer.Variable(c['x0'])
        y = link(x)
        y.grad = c['gy']
        y.backward()
        self.check(y.array, 'y0')
        gtol = _fixtures.grad_tol(self.dtype)
        for actual, key in ((x.grad, 'gx'), (link.gamma.grad, 'ggamma'),
                            (link.beta.grad, 'gbeta')):
            numpy.testing.assert_allclose(actual, c[key], err_msg=key,
                                          **gtol)
        self.check(link.avg_mean, 'mean1')
        self.check(link.avg_var, 'var1')
        self.check(link(c['x1']).array, 'y1')
        self.check(link.avg_mean, 'mean2')
        self.check(link.avg_var, 'var2')
        with chainer.using_config('train', False):
            self.check(link(c['x2']).array, 'y_test')
        self.check(link.avg_mean, 'mean2')  # unchanged in test mode
        assert link.N == 0

    def test_finetune(self):
        c = self.c
        link = _make(c, self.dtype)
        link(c['x0'], finetune=True)
        link(c['x1'], finetune=True)
        assert link.N == int(c['ft_N']) == 2
        self.check(link.avg_mean, 'ft_mean')
        self.check(link.avg_var, 'ft_var')
        link.start_finetuning()
        assert link.N == 0


class TestBatchRenormalizationLink(object):

    def test_signature_and_names(self):
        link = L.BatchRenormalization(3)
        assert (link.rmax, link.dmax, link.decay, link.eps) == \
            (1, 0, 0.9, 2e-5)
        assert link.r is None and link.d is None
        assert link.avg_mean.dtype == numpy.float32
        assert sorted(npz.serialize(link)) == \
            ['N', 'avg_mean', 'avg_var', 'beta', 'gamma']
        with pytest.raises(RuntimeError):
            L.BatchRenormalization(None)

    def test_initial_averages(self):
        link = L.BatchRenormalization(2, initial_avg_mean=3.,
                                      initial_avg_var=2.)
        numpy.testing.assert_array_equal(link.avg_mean, [3, 3])
        numpy.testing.assert_array_equal(link.avg_var, [2, 2])

    def test_no_gamma_beta(self):
        link = L.BatchRenormalization(3, use_gamma=False, use_beta=False)
        assert [n for n, _ in link.namedparams()] == []
        x = numpy.random.RandomState(0).randn(4, 3).astype(numpy.float32)
        y = link(x)
        numpy.testing.assert_allclose(y.array.mean(axis=0), 0, atol=1e-5)

    def test_backward_numerical(self):
        # Backprop treats r and d as constants (as Chainer and the paper
        # do); with running statistics far from the batch ones they are
        # clipped, hence constant, and the numerical gradient agrees.
        c = dict(_fixtures.case('brn_float64'))
        c['mean0'] = numpy.full(3, 10.)
        c['var0'] = numpy.full(3, 100.)
        link = _make(c, numpy.float64)
        link.cleargrads()

        def f(x):
            # r and d depend on the running statistics: keep them fixed
            # while the numerical gradient is taken.
            mean, var = link.avg_mean, link.avg_var
            y = link(x)
            link.avg_mean, link.avg_var = mean, var
            return y

        gradient_check.check_backward(
            f, c['x0'], c['gy'], params=(link.gamma, link.beta),
            eps=1e-3, atol=1e-6, rtol=1e-5)

    def test_recompute_keeps_statistics(self):
        c = _fixtures.case('brn_float32')
        link = _make(c, numpy.float32)
        with chainer.using_config('_will_recompute', True):
            y = link(c['x0'])
        mean = numpy.array(link.avg_mean)
        with chainer.using_config('in_recomputing', True):
            y2 = link(c['x0'])
        numpy.testing.assert_array_equal(link.avg_mean, mean)
        numpy.testing.assert_allclose(y2.array, y.array, rtol=1e-6)

    def test_jit_matches_eager(self):
        c = _fixtures.case('brn_float32')
        eager = _make(c, numpy.float32)
        jitted = _make(c, numpy.float32)
        step = chainer.jit(lambda x, ft: jitted(x, finetune=ft),
                           links=[jitted])
        for ft in (False, True):
            for key in ('x0', 'x1', 'x2'):
                y = eager(c[key], finetune=ft)
                y_jit = step(c[key], ft)
                numpy.testing.assert_allclose(
                    chainer.as_array(y_jit), y.array, rtol=1e-5, atol=1e-6)
        assert step.compiles == 2
        assert int(jitted.N) == eager.N == 3
        for name in ('avg_mean', 'avg_var'):
            numpy.testing.assert_allclose(
                numpy.asarray(getattr(jitted, name)),
                getattr(eager, name), rtol=1e-5, atol=1e-6)
