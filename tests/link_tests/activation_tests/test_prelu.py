"""chainer.links.PReLU."""
import unittest

import numpy
import pytest

import chainerjax.links as L
from chainerjax import testing
from chainerjax.utils import type_check
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('prelu', 'init_prelu'),
}))
class TestPReLUMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_parameter():
    link = L.PReLU()
    assert link.W.shape == () and link.W.dtype == numpy.float32
    assert float(link.W.array) == 0.25
    link = L.PReLU((3,), init=0.5)
    numpy.testing.assert_array_equal(link.W.array, [0.5] * 3)


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        L.PReLU((4,))(numpy.ones((2, 3), numpy.float32))
