"""chainer.links.LocalConvolution2D."""
import unittest

import numpy

import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('local', 'init_local'),
}))
class TestLocalConvolution2DMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_lazy_forms():
    for link in (L.LocalConvolution2D(None, 3, 4, 2),
                 L.LocalConvolution2D(2, 3, None, 2),
                 L.LocalConvolution2D(2, 3, ksize=2, foo=1)):
        assert link.W.array is None and link.b.array is None
    link = L.LocalConvolution2D(2, 3, ksize=(2, 1), nobias=True)
    assert link.b is None and link.nobias and link.stride == (1, 1)
    link(numpy.ones((1, 2, 4, 3), numpy.float32))
    assert link.W.shape == (3, 3, 3, 2, 2, 1)
