"""chainer.links.Inception."""
import unittest

import numpy

import chainerjax.links as L
from chainerjax import initializers
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('inception', 'init_inception'),
}))
class TestInceptionMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_children():
    link = L.Inception(None, 1, 2, 3, 4, 5, 6, conv_init=initializers.One(),
                       bias_init=0.5)
    shapes = {n: p.shape for n, p in link.namedparams()
              if p.array is not None}
    assert shapes == {'/conv3/W': (3, 2, 3, 3), '/conv5/W': (5, 4, 5, 5),
                      '/conv1/b': (1,), '/proj3/b': (2,), '/conv3/b': (3,),
                      '/proj5/b': (4,), '/conv5/b': (5,), '/projp/b': (6,)}
    numpy.testing.assert_array_equal(link.conv5.W.array, 1)
    numpy.testing.assert_array_equal(link.projp.b.array, 0.5)
    assert link.conv3.pad == (1, 1) and link.conv5.pad == (2, 2)
