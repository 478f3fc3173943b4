"""chainer.links.DilatedConvolution2D."""
import unittest

import numpy

import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('dilated', 'init_dilated'),
}))
class TestDilatedConvolution2DMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_argument_forms():
    # (in_channels, out_channels, ksize, stride, pad, dilate, nobias, ...)
    link = L.DilatedConvolution2D(2, 3, 3, 1, 0, 2, True)
    assert link.dilate == (2, 2) and link.b is None
    assert link.W.shape == (3, 2, 3, 3)
    for lazy in (L.DilatedConvolution2D(3, 2, dilate=2),
                 L.DilatedConvolution2D(None, 3, 2, dilate=2)):
        assert lazy.W.array is None and lazy.out_channels == 3
        assert lazy.ksize == 2 and lazy.b.shape == (3,)
    y = L.DilatedConvolution2D(3, 2, dilate=2)(
        numpy.ones((1, 2, 5, 5), numpy.float32))
    assert y.shape == (1, 3, 3, 3)
