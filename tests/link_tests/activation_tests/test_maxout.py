"""chainer.links.Maxout."""
import unittest

import numpy
import pytest

import chainerjax.links as L
from chainerjax import gradient_check
from chainerjax import testing
from chainerjax.utils import type_check
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('maxout', 'init_maxout'),
}))
class TestMaxoutMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_linear_child():
    link = L.Maxout(3, 2, 4)
    assert link.out_size == 2 and link.pool_size == 4
    assert isinstance(link.linear, L.Linear)
    assert link.linear.W.shape == (8, 3) and link.linear.b.shape == (8,)
    numpy.testing.assert_array_equal(link.linear.b.array, 0)
    assert L.Maxout(3, 2, 4, initial_bias=None).linear.b is None


def test_array_initializers_are_flattened():
    W = numpy.arange(24, dtype=numpy.float32).reshape(2, 4, 3)
    b = numpy.arange(8, dtype=numpy.float32).reshape(2, 4)
    link = L.Maxout(3, 2, 4, initialW=W, initial_bias=b)
    numpy.testing.assert_array_equal(link.linear.W.array, W.reshape(8, 3))
    numpy.testing.assert_array_equal(link.linear.b.array, b.reshape(8))


def test_callable_initializers_see_unflattened_shapes():
    shapes = []

    def fill_W(array):
        shapes.append(array.shape)
        array[...] = numpy.arange(array.size).reshape(array.shape)

    def fill_b(array):
        shapes.append(array.shape)
        array[...] = 1

    link = L.Maxout(3, 2, 4, initialW=fill_W, initial_bias=fill_b)
    assert shapes == [(2, 4, 3), (2, 4)]
    numpy.testing.assert_array_equal(
        link.linear.W.array, numpy.arange(24).reshape(8, 3))
    numpy.testing.assert_array_equal(link.linear.b.array, 1)


def test_errors():
    with pytest.raises(ValueError):
        L.Maxout(3, 2, 4, initialW=numpy.ones((8, 3), numpy.float32))
    with pytest.raises(ValueError):
        L.Maxout(3, 2, 4, initial_bias=numpy.ones(8, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        L.Maxout(3, 2, 4)(numpy.ones((2, 4), numpy.float32))


def test_numerical_backward():
    name = 'maxout_float64'
    link = FIXTURES.build(name)
    for path, p in link.namedparams():
        p.array = FIXTURES.get(name, 'param' + path).copy()
    gradient_check.check_backward(
        link, FIXTURES.get(name, 'x0'), FIXTURES.get(name, 'gy'),
        (link.linear.W, link.linear.b), atol=1e-6, rtol=1e-5)
