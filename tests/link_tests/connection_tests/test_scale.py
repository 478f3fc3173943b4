"""chainer.links.Scale."""
import unittest

import numpy
import pytest

import chainerjax
import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('scale', 'init_scale'),
}))
class TestScaleMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_children_and_defaults():
    link = L.Scale(axis=2, W_shape=(4,), bias_term=True, bias_shape=(9,))
    assert link.axis == 2
    numpy.testing.assert_array_equal(link.W.array, numpy.ones(4))
    # With W_shape the bias takes W's shape (bias_shape is ignored).
    assert isinstance(link.bias, L.Bias) and link.bias.b.shape == (4,)
    assert link.bias.axis == 2
    assert sorted(n for n, _ in link.namedparams()) == ['/W', '/bias/b']
    plain = L.Scale()
    assert not hasattr(plain, 'W') and not hasattr(plain, 'bias')


def test_bias_shape_required():
    with pytest.raises(ValueError):
        L.Scale(bias_term=True)


def test_argument_count_checked_in_debug_mode():
    with chainerjax.using_config('debug', True):
        with pytest.raises(AssertionError):
            L.Scale(W_shape=(3,))(numpy.ones((2, 3), numpy.float32),
                                  numpy.ones(3, numpy.float32))
