import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
from chainerjax import link_hooks
import chainerjax.links as L
from chainerjax import optimizers
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_hooks_tests import _fixtures


def _uniform(seed, shape, dtype):
    return numpy.random.RandomState(seed).uniform(-1, 1, shape).astype(dtype)


def _make_link(kind, dtype):
    # the links of make_fixtures.py
    W = {'linear': _uniform(1, (3, 4), dtype),
         'conv': _uniform(1, (2, 3, 2, 2), dtype),
         'deconv': _uniform(1, (3, 2, 2, 2), dtype)}.get(kind)
    with chainer.using_config('dtype', dtype):
        if kind == 'linear':
            return L.Linear(4, 3, initialW=W, initial_bias=0.5)
        if kind == 'lazy':
            return L.Linear(None, 3)
        if kind == 'conv':
            return L.Convolution2D(3, 2, 2, initialW=W)
        return L.Deconvolution2D(3, 2, 2, initialW=W)


_CASES = [
    ('sn_linear', 'linear', {}, numpy.float16),
    ('sn_linear', 'linear', {}, numpy.float32),
    ('sn_linear', 'linear', {}, numpy.float64),
    ('sn_gamma', 'linear', {'use_gamma': True, 'factor': 2.,
                            'n_power_iteration': 2}, numpy.float32),
    ('sn_gamma', 'linear', {'use_gamma': True, 'factor': 2.,
                            'n_power_iteration': 2}, numpy.float64),
    ('sn_lazy', 'lazy', {}, numpy.float32),
    ('sn_conv', 'conv', {'eps': 1e-4}, numpy.float32),
    ('sn_deconv', 'deconv', {}, numpy.float64),
]


@testing.parameterize(*[
    {'prefix': p, 'kind': k, 'options': o, 'dtype': d}
    for p, k, o, d in _CASES])
class TestSpectralNormalization(unittest.TestCase):
    """Against real Chainer: ``u`` (drawn from NumPy's generator), the
    outputs in train and test modes, the gradients."""

    def test_matches_chainer(self):
        c = _fixtures.case('{}_{}'.format(self.prefix,
                                          numpy.dtype(self.dtype).name))
        tol = _fixtures.tol(self.dtype)
        numpy.random.seed(0)
        link = _make_link(self.kind, self.dtype)
        hook = link_hooks.SpectralNormalization(**self.options)
        link.add_hook(hook)
        if self.kind != 'lazy':
            numpy.testing.assert_allclose(link.W_u, c['u0'], **tol)
        x = chainer.Variable(c['x0'])
        y = link(x)
        assert isinstance(link.W, chainer.Parameter)
        numpy.testing.assert_allclose(link.W.array, c['W'], **tol)
        numpy.testing.assert_allclose(y.array, c['y0'], **tol)
        link.cleargrads()
        y.grad = c['gy']
        y.backward()
        gtol = _fixtures.grad_tol(self.dtype)
        numpy.testing.assert_allclose(x.grad, c['gx'], **gtol)
        numpy.testing.assert_allclose(link.W.grad, c['gW'], **gtol)
        if self.options.get('use_gamma'):
            assert link.gamma.shape == ()
            numpy.testing.assert_allclose(link.gamma.array, c['gamma'],
                                          **tol)
            numpy.testing.assert_allclose(link.gamma.grad, c['ggamma'],
                                          **gtol)
        assert link.W_u.dtype == self.dtype
        numpy.testing.assert_allclose(link.W_u, c['u1'], **tol)
        numpy.testing.assert_allclose(link(c['x1']).array, c['y1'], **tol)
        numpy.testing.assert_allclose(link.W_u, c['u2'], **tol)
        with chainer.using_config('train', False):
            numpy.testing.assert_allclose(link(c['x2']).array, c['y_test'],
                                          **tol)
        numpy.testing.assert_allclose(link.W_u, c['u2'], **tol)


class TestSpectralNormalizationHook(object):

    def test_registration(self):
        link = L.Linear(4, 3)
        hook = link_hooks.SpectralNormalization(use_gamma=True)
        assert (hook.name, hook.vector_name, hook.axis) == \
            ('SpectralNormalization', 'W_u', 0)
        link.add_hook(hook)
        assert sorted(npz.serialize(link)) == ['W', 'W_u', 'b', 'gamma']
        assert link.W_u.shape == (3,)
        link.delete_hook(hook.name)
        assert not hasattr(link, 'W_u') and not hasattr(link, 'gamma')
        assert sorted(npz.serialize(link)) == ['W', 'b']
        hook = link_hooks.SpectralNormalization(weight_name='b', name='sn')
        assert hook.name == 'sn' and hook.vector_name == 'b_u'
        with pytest.raises(ValueError):
            L.Linear(2, 2).add_hook(
                link_hooks.SpectralNormalization(weight_name='V'))
        with pytest.raises(NotImplementedError):
            with link_hooks.SpectralNormalization():
                pass
        with pytest.raises(AssertionError):
            link_hooks.SpectralNormalization(n_power_iteration=0)

    def test_normalized_weight_has_unit_norm(self):
        # After enough power iterations sigma is the spectral norm.
        numpy.random.seed(1)
        link = L.Linear(6, 5)
        link.add_hook(link_hooks.SpectralNormalization(n_power_iteration=50))
        W = link.W.array.copy()
        hook = link.local_link_hooks['SpectralNormalization']
        w = hook.normalize_weight(link)
        numpy.testing.assert_allclose(
            numpy.linalg.svd(w.array, compute_uv=False)[0], 1, rtol=1e-4)
        numpy.testing.assert_allclose(
            w.array * numpy.linalg.norm(W, 2), W, rtol=1e-4, atol=1e-6)

    def test_backward_numerical(self):
        # Backprop treats u and v as constants (as Chainer does); once the
        # power iteration has converged, sigma does not change to first
        # order with them, and the numerical gradient agrees.
        numpy.random.seed(0)
        with chainer.using_config('dtype', numpy.float64):
            link = L.Linear(4, 3)
        link.add_hook(link_hooks.SpectralNormalization(
            n_power_iteration=100, eps=1e-12))
        link.cleargrads()
        x = _uniform(3, (2, 4), numpy.float64)
        gy = _uniform(4, (2, 3), numpy.float64)
        u = link.W_u

        def f(x):
            link.W_u = u   # the same u at every evaluation
            return link(x)

        gradient_check.check_backward(f, x, gy, params=(link.W, link.b),
                                      eps=1e-4, atol=1e-6, rtol=1e-5)

    def test_jit_matches_eager(self):
        def train(use_jit):
            numpy.random.seed(0)
            model = L.Classifier(L.Linear(4, 3).add_hook(
                link_hooks.SpectralNormalization(use_gamma=True)))
            opt = optimizers.SGD(lr=0.5)
            opt.setup(model)

            def update(x, t):
                opt.update(model, x, t)
            step = chainer.jit(update) if use_jit else update
            for i in range(3):
                rs = numpy.random.RandomState(i)
                step(rs.randn(5, 4).astype(numpy.float32),
                     rs.randint(0, 3, 5).astype(numpy.int32))
            return model.predictor

        eager, jitted = train(False), train(True)
        for name in ('W', 'b', 'gamma'):
            numpy.testing.assert_allclose(
                numpy.asarray(getattr(jitted, name).array),
                getattr(eager, name).array, rtol=1e-5, atol=1e-6)
        numpy.testing.assert_allclose(numpy.asarray(jitted.W_u), eager.W_u,
                                      rtol=1e-5, atol=1e-6)
