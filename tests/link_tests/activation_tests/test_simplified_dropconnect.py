"""chainer.links.SimplifiedDropconnect."""
import unittest

import numpy
import pytest

import chainerjax
import chainerjax.links as L
from chainerjax.serializers import npz
from chainerjax import testing
from chainerjax.utils import type_check
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('sdc', 'init_sdc'),
}))
class TestSimplifiedDropconnectMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_parameters_and_lazy_init():
    link = L.SimplifiedDropconnect(3, 2)
    assert link.ratio == 0.5 and link.out_size == 2
    assert link.W.shape == (2, 3) and link.b.shape == (2,)
    numpy.testing.assert_array_equal(link.b.array, 0)
    assert L.SimplifiedDropconnect(3, 2, nobias=True).b is None
    lazy = L.SimplifiedDropconnect(None, 2)
    assert lazy.W.array is None
    assert lazy(numpy.ones((4, 2, 3), numpy.float32)).shape == (4, 2)
    assert lazy.W.shape == (2, 6)


def test_random_mask_drops_weights():
    # Each output is a sum of kept, rescaled weights: with W = 1, x = 1 and
    # ratio 0.25 the mean output is close to in_size.
    link = L.SimplifiedDropconnect(50, 200, ratio=0.25, initialW=1.,
                                   nobias=True)
    y = link(numpy.ones((4, 50), numpy.float32)).array
    kept = y * 0.75
    numpy.testing.assert_allclose(kept, numpy.round(kept), atol=1e-3)
    assert abs(kept.mean() / 50 - 0.75) < 0.02
    with chainerjax.using_config('train', True):
        y_test = link(numpy.ones((4, 50), numpy.float32), train=False)
    numpy.testing.assert_allclose(y_test.array, 50)


def test_given_mask_is_persistent():
    link = L.SimplifiedDropconnect(3, 2)
    mask = numpy.ones((4, 2, 3), bool)
    link(numpy.ones((4, 3), numpy.float32), mask=mask)
    assert link.mask is mask
    assert 'mask' in npz.serialize(link)
    other = numpy.zeros((4, 2, 3), bool)
    link(numpy.ones((4, 3), numpy.float32), mask=other)
    assert link.mask is mask   # registered once, as in Chainer


def test_mask_shape_error():
    link = L.SimplifiedDropconnect(3, 2)
    with pytest.raises(type_check.InvalidType):
        link(numpy.ones((4, 3), numpy.float32),
             mask=numpy.ones((2, 3), bool))
