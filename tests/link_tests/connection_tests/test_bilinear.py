"""chainer.links.Bilinear."""
import unittest

import numpy
import pytest

import chainerjax.links as L
from chainerjax import testing
from chainerjax.utils import type_check
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('bilinear', 'init_bilinear'),
}))
class TestBilinearMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_attributes_and_nobias():
    link = L.Bilinear(2, 3, 4)
    assert link.in_sizes == (2, 3) and link.nobias is False
    numpy.testing.assert_array_equal(link.b.array, numpy.zeros(4))
    nobias = L.Bilinear(2, 3, 4, nobias=True)
    assert [n for n, _ in nobias.namedparams()] == ['/W']
    assert not hasattr(nobias, 'V1') and not hasattr(nobias, 'b')


def test_initial_values():
    W = numpy.full((2, 3, 4), 0.5, numpy.float32)
    V1 = numpy.ones((2, 4), numpy.float32)
    link = L.Bilinear(2, 3, 4, initialW=W, initial_bias=(V1, 2, 3))
    numpy.testing.assert_array_equal(link.W.array, W)
    numpy.testing.assert_array_equal(link.V1.array, V1)
    numpy.testing.assert_array_equal(link.V2.array, numpy.full((3, 4), 2))
    numpy.testing.assert_array_equal(link.b.array, numpy.full(4, 3))


def test_errors():
    with pytest.raises(ValueError):
        L.Bilinear(2, 3, 4, initial_bias=[1, 2, 3])
    with pytest.raises(AssertionError):
        L.Bilinear(2, 3, 4, initialW=numpy.ones((2, 3, 5), numpy.float32))
    with pytest.raises(AssertionError):
        L.Bilinear(2, 3, 4, initial_bias=(
            numpy.ones((2, 5), numpy.float32), 0, 0))
    # chainer.functions.bilinear is float32 only.
    with pytest.raises(type_check.InvalidType):
        L.Bilinear(2, 3, 4)(numpy.ones((1, 2)), numpy.ones((1, 3)))


def test_zero_grads():
    link = L.Bilinear(2, 3, 4)
    link.zero_grads()
    numpy.testing.assert_array_equal(link.W.grad, 0)
