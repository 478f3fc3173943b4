"""chainer.links.Highway."""
import unittest

import numpy

import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import initializers
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('highway', 'init_highway'),
}))
class TestHighwayMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_children_and_initializers():
    link = L.Highway(3, activate=F.tanh, init_Wh=initializers.One(),
                     init_bh=2, init_Wt=0.5)
    assert link.activate is F.tanh
    assert isinstance(link.plain, L.Linear)
    assert isinstance(link.transform, L.Linear)
    numpy.testing.assert_array_equal(link.plain.W.array, 1)
    numpy.testing.assert_array_equal(link.plain.b.array, 2)
    numpy.testing.assert_array_equal(link.transform.W.array, 0.5)
    numpy.testing.assert_array_equal(link.transform.b.array, -1)
    assert L.Highway(3).activate is F.relu
    nobias = L.Highway(3, nobias=True)
    assert sorted(n for n, _ in nobias.namedparams()) == \
        ['/plain/W', '/transform/W']
