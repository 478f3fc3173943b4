"""chainer.links.Bias."""
import unittest

import numpy
import pytest

import chainerjax
import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('bias', 'init_bias'),
}))
class TestBiasMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_parameter_and_attributes():
    link = L.Bias(axis=2, shape=(3, 4))
    assert link.axis == 2
    assert link.b.shape == (3, 4) and link.b.dtype == numpy.float32
    numpy.testing.assert_array_equal(link.b.array, 0)
    assert [n for n, _ in link.namedparams()] == ['/b']
    no_param = L.Bias()
    assert not hasattr(no_param, 'b') and list(no_param.params()) == []


def test_argument_count_checked_in_debug_mode():
    link = L.Bias(shape=(3,))
    x = numpy.ones((2, 3), numpy.float32)
    with chainerjax.using_config('debug', True):
        with pytest.raises(AssertionError):
            link(x, numpy.ones(3, numpy.float32))
        with pytest.raises(AssertionError):
            L.Bias()(x)
    with pytest.raises(ValueError):
        link(x, numpy.ones(3, numpy.float32))
