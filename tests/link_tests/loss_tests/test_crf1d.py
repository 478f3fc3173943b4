import unittest

import numpy

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from tests.link_tests.loss_tests import _fixtures


def _list(c, key, n):
    return [c['{}{}'.format(key, i)] for i in range(n)]


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
class TestCRF1d(unittest.TestCase):
    """Against real Chainer: time-major and batch-major (transpose) inputs,
    loss, gradients and Viterbi paths."""

    def setUp(self):
        self.c = _fixtures.case('crf_' + numpy.dtype(self.dtype).name)
        self.tol = _fixtures.tol(self.dtype)
        with chainer.using_config('dtype', self.dtype):
            self.link = L.CRF1d(3, initial_cost=self.c['cost'])
        self.link.cleargrads()

    def test_time_major(self):
        c, link = self.c, self.link
        xs = [chainer.Variable(a) for a in _list(c, 'tx', 4)]
        ys = _list(c, 'ty', 4)
        loss = link(xs, ys)
        assert loss.shape == () and loss.dtype == self.dtype
        numpy.testing.assert_allclose(loss.array, c['loss'], **self.tol)
        loss.backward()
        numpy.testing.assert_allclose(link.cost.grad, c['gcost'],
                                      **self.tol)
        for i, x in enumerate(xs):
            numpy.testing.assert_allclose(x.grad, c['gtx%d' % i],
                                          **self.tol)
        loss_no = link(_list(c, 'tx', 4), ys, reduce='no')
        numpy.testing.assert_allclose(loss_no.array, c['loss_no'],
                                      **self.tol)
        score, path = link.argmax(_list(c, 'tx', 4))
        numpy.testing.assert_allclose(score.array, c['score'], **self.tol)
        for i, p in enumerate(path):
            numpy.testing.assert_array_equal(p, c['path%d' % i])

    def test_batch_major(self):
        c, link = self.c, self.link
        seqs = [chainer.Variable(a) for a in _list(c, 'seq', 3)]
        loss = link(seqs, _list(c, 'label', 3), transpose=True)
        numpy.testing.assert_allclose(loss.array, c['loss_tr'], **self.tol)
        loss.backward()
        numpy.testing.assert_allclose(link.cost.grad, c['gcost_tr'],
                                      **self.tol)
        for i, x in enumerate(seqs):
            numpy.testing.assert_allclose(x.grad, c['gseq%d' % i],
                                          **self.tol)
        score, path = link.argmax(_list(c, 'seq', 3), transpose=True)
        numpy.testing.assert_allclose(score.array, c['score_tr'],
                                      **self.tol)
        assert [len(p) for p in path] == [2, 4, 3]
        for i, p in enumerate(path):
            numpy.testing.assert_array_equal(p, c['path_tr%d' % i])


class TestCRF1dLink(object):

    def test_parameters(self):
        link = L.CRF1d(4)
        assert link.cost.shape == (4, 4)
        numpy.testing.assert_array_equal(link.cost.array, 0)
        assert sorted(npz.serialize(link)) == ['cost']

    def test_backward_numerical(self):
        c = _fixtures.case('crf_float64')
        with chainer.using_config('dtype', numpy.float64):
            link = L.CRF1d(3, initial_cost=c['cost'])
        link.cleargrads()
        ys = _list(c, 'ty', 4)
        gradient_check.check_backward(
            lambda *xs: link(list(xs), ys), tuple(_list(c, 'tx', 4)), None,
            params=(link.cost,), eps=1e-3, atol=1e-6, rtol=1e-5)
