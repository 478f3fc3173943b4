"""chainer.links.Swish."""
import unittest

import numpy
import pytest

import chainerjax
import chainerjax.links as L
from chainerjax import testing
from chainerjax.utils import type_check
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('swish', 'init_swish'),
}))
class TestSwishMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_parameter_and_lazy_init():
    link = L.Swish((3,), beta_init=0.5)
    numpy.testing.assert_array_equal(link.beta.array, [0.5] * 3)
    lazy = L.Swish(None)
    assert lazy.beta.array is None
    with chainerjax.using_config('dtype', numpy.float64):
        lazy(numpy.zeros((2, 3, 4), numpy.float64))
    assert lazy.beta.shape == (3, 4) and lazy.beta.dtype == numpy.float64
    numpy.testing.assert_array_equal(lazy.beta.array, 1)


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        L.Swish((4,))(numpy.ones((2, 3), numpy.float32))
