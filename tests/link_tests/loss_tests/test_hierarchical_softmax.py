import copy
import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import gradient_check
import chainerjax.links as L
from chainerjax.links.loss import hierarchical_softmax
from chainerjax.serializers import npz
from chainerjax import testing
from chainerjax.utils import type_check
from tests.link_tests.loss_tests import _fixtures


def _make(c, dtype):
    tree = _fixtures.as_tree(_fixtures.json_value(c['tree']))
    with chainer.using_config('dtype', dtype):
        link = L.BinaryHierarchicalSoftmax(3, tree)
    link.W.array[...] = c['W']
    link.cleargrads()
    return link


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
class TestBinaryHierarchicalSoftmax(unittest.TestCase):
    """Against real Chainer: path tables, loss and gradients."""

    def test_forward_backward(self):
        c = _fixtures.case('hsm_' + numpy.dtype(self.dtype).name)
        link = _make(c, self.dtype)
        for key in ('paths', 'codes', 'begins'):
            actual = getattr(link._func, key)
            assert actual.dtype == c[key].dtype, key
            numpy.testing.assert_array_equal(actual, c[key])
        x = chainer.Variable(c['x'])
        loss = link(x, c['t'])
        assert loss.shape == () and loss.dtype == self.dtype
        tol = _fixtures.tol(self.dtype)
        numpy.testing.assert_allclose(loss.array, c['loss'], **tol)
        loss.backward()
        numpy.testing.assert_allclose(x.grad, c['gx'], **tol)
        numpy.testing.assert_allclose(link.W.grad, c['gW'], **tol)


class TestBinaryHierarchicalSoftmaxLink(object):

    def test_huffman_trees_match_chainer(self):
        c = _fixtures.case('hsm_trees')
        counts = _fixtures.json_value(c['word_counts'])
        trees = _fixtures.json_value(c['trees'])
        for wc, tree in zip(counts, trees):
            actual = L.BinaryHierarchicalSoftmax.create_huffman_tree(
                dict((k, v) for k, v in wc))
            assert actual == _fixtures.as_tree(tree)
        with pytest.raises(ValueError):
            L.BinaryHierarchicalSoftmax.create_huffman_tree({})

    def test_parameters(self):
        link = L.BinaryHierarchicalSoftmax(4, ((0, 1), (2, (3, 4))))
        assert link.W.shape == (4, 4) and link.W.dtype == numpy.float32
        assert (numpy.abs(link.W.array) <= 1).all()
        assert sorted(npz.serialize(link)) == ['W']
        with pytest.raises(ValueError):
            L.BinaryHierarchicalSoftmax(2, ((0, 1, 2), 3))

    def test_tree_parser(self):
        parser = hierarchical_softmax.TreeParser(numpy.float32)
        parser.parse(((0, 1), 2))
        assert parser.size() == 2
        numpy.testing.assert_array_equal(parser.get_paths()[1], [0, 1])
        numpy.testing.assert_array_equal(parser.get_codes()[1], [1, -1])
        numpy.testing.assert_array_equal(parser.get_codes()[2], [-1])

    def test_type_check(self):
        link = L.BinaryHierarchicalSoftmax(3, ((0, 1), 2))
        x = numpy.ones((2, 3), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            link(x, numpy.zeros(2, numpy.int64))
        with pytest.raises(type_check.InvalidType):
            link(numpy.ones((2, 4), numpy.float32),
                 numpy.zeros(2, numpy.int32))

    def test_function_is_copied(self):
        link = L.BinaryHierarchicalSoftmax(3, ((0, 1), 2))
        func = link._func
        copy.copy(func)(numpy.ones((2, 3), numpy.float32),
                        numpy.zeros(2, numpy.int32), link.W)
        assert link._func is func and func.inputs is None

    def test_backward_numerical(self):
        c = _fixtures.case('hsm_float64')
        link = _make(c, numpy.float64)
        gradient_check.check_backward(
            lambda x: link(x, c['t']), c['x'], None, params=(link.W,),
            eps=1e-3, atol=1e-6, rtol=1e-5)

    def test_to_device(self):
        import jax
        link = L.BinaryHierarchicalSoftmax(3, ((0, 1), 2))
        link.to_device('@jax:cpu:0')
        assert isinstance(link._func.paths, jax.Array)
        loss = link(numpy.ones((2, 3), numpy.float32),
                    numpy.array([0, 2], numpy.int32))
        assert loss.shape == ()
