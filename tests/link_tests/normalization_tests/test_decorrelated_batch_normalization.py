import unittest
import warnings

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.links.normalization import \
    decorrelated_batch_normalization as dbn_module
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.normalization_tests import _fixtures


def _make(dtype):
    return L.DecorrelatedBatchNormalization(4, groups=2, decay=0.8,
                                            dtype=dtype)


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
class TestDecorrelatedBatchNormalization(unittest.TestCase):
    """Against real Chainer (float16 is not supported: no float16
    eigendecomposition, in NumPy as in JAX)."""

    def setUp(self):
        self.c = _fixtures.case('dbn_' + numpy.dtype(self.dtype).name)
        self.tol = _fixtures.tol(self.dtype)
        if self.dtype == numpy.float32:
            self.tol = {'atol': 1e-4, 'rtol': 1e-3}

    def check(self, actual, key):
        actual = numpy.asarray(actual)
        assert actual.dtype == self.c[key].dtype, key
        numpy.testing.assert_allclose(actual, self.c[key], err_msg=key,
                                      **self.tol)

    def test_train_and_test_modes(self):
        c = self.c
        link = _make(self.dtype)
        x = chainer.Variable(c['x0'])
        y = link(x)
        y.grad = c['gy']
        y.backward()
        self.check(y.array, 'y0')
        numpy.testing.assert_allclose(x.grad, c['gx'],
                                      **_fixtures.grad_tol(self.dtype))
        self.check(link.avg_mean, 'mean1')
        self.check(link.avg_projection, 'proj1')
        self.check(link(c['x1']).array, 'y1')
        self.check(link.avg_mean, 'mean2')
        self.check(link.avg_projection, 'proj2')
        with chainer.using_config('train', False):
            self.check(link(c['x2']).array, 'y_test')
        self.check(link.avg_projection, 'proj2')

    def test_finetune(self):
        c = self.c
        link = _make(self.dtype)
        link(c['x0'], finetune=True)
        link(c['x1'], finetune=True)
        assert link.N == int(c['ft_N']) == 2
        self.check(link.avg_mean, 'ft_mean')
        self.check(link.avg_projection, 'ft_proj')
        link.start_finetuning()
        assert link.N == 0


class TestDecorrelatedBatchNormalizationLink(object):

    def test_initial_state(self):
        link = L.DecorrelatedBatchNormalization(6, groups=3)
        assert (link.groups, link.decay, link.eps) == (3, 0.9, 2e-5)
        assert link.avg_mean.shape == (3, 2)
        assert link.avg_mean.dtype == numpy.float32
        numpy.testing.assert_array_equal(
            link.avg_projection, numpy.broadcast_to(numpy.eye(2), (3, 2, 2)))
        assert list(link.namedparams()) == []
        assert sorted(npz.serialize(link)) == \
            ['N', 'avg_mean', 'avg_projection']
        with pytest.raises(TypeError):
            link(numpy.zeros((2, 6), numpy.float32), test=True)

    def test_backward_numerical(self):
        c = _fixtures.case('dbn_float64')
        link = _make(numpy.float64)
        gradient_check.check_backward(
            link, c['x0'], c['gy'], eps=1e-3, atol=1e-6, rtol=1e-5)

    def test_load_old_statistics(self):
        # Chainer < 7 saved the statistics without the group axis.
        old = {'avg_mean': numpy.arange(2, dtype=numpy.float32),
               'avg_projection': numpy.eye(2, dtype=numpy.float32) * 2,
               'N': numpy.asarray(3)}
        link = L.DecorrelatedBatchNormalization(4, groups=2)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            npz.NpzDeserializer(old).load(link)
        assert any('old DecorrelatedBatchNormalization' in str(x.message)
                   for x in w)
        numpy.testing.assert_array_equal(link.avg_mean, [[0, 1], [0, 1]])
        numpy.testing.assert_array_equal(link.avg_projection[1],
                                         numpy.eye(2) * 2)
        assert link.N == 3
        assert dbn_module.fix_avg_mean(link.avg_mean, 2) is link.avg_mean
        with pytest.raises(ValueError):
            dbn_module.fix_avg_projection(numpy.zeros(2), 2)

    def test_jit_matches_eager(self):
        c = _fixtures.case('dbn_float32')
        eager = _make(numpy.float32)
        jitted = _make(numpy.float32)
        step = chainer.jit(lambda x: jitted(x, finetune=True),
                           links=[jitted])
        for key in ('x0', 'x1', 'x2'):
            numpy.testing.assert_allclose(
                chainer.as_array(step(c[key])),
                eager(c[key], finetune=True).array, rtol=1e-4, atol=1e-5)
        assert int(jitted.N) == eager.N == 3
        for name in ('avg_mean', 'avg_projection'):
            numpy.testing.assert_allclose(
                numpy.asarray(getattr(jitted, name)),
                getattr(eager, name), rtol=1e-4, atol=1e-5)
