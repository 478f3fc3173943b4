"""chainer.links.DepthwiseConvolution2D."""
import unittest

import numpy

import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('depthwise', 'init_depthwise'),
}))
class TestDepthwiseConvolution2DMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_attributes_and_lazy():
    link = L.DepthwiseConvolution2D(None, 2, 3, stride=2, pad=(1, 0))
    assert link.ksize == 3 and link.stride == (2, 2) and link.pad == (1, 0)
    assert link.channel_multiplier == 2 and link.nobias is False
    assert link.W.array is None and link.b.array is None
    link(numpy.ones((1, 3, 5, 5), numpy.float32))
    assert link.W.shape == (2, 3, 3, 3) and link.b.shape == (6,)
    numpy.testing.assert_array_equal(link.b.array, 0)
    assert L.DepthwiseConvolution2D(2, 2, 3, nobias=True).b is None
