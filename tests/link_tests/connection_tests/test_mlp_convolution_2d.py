"""chainer.links.MLPConvolution2D."""
import unittest

import pytest

import chainerjax
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('mlpconv', 'init_mlpconv'),
}))
class TestMLPConvolution2DMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_chainlist_structure():
    link = L.MLPConvolution2D(2, (3, 4, 5), 3, stride=2, pad=1,
                              activation=F.tanh, conv_init=1, bias_init=2)
    assert isinstance(link, chainerjax.ChainList) and len(link) == 3
    assert link.activation is F.tanh
    first, second, third = link
    assert first.W.shape == (3, 2, 3, 3) and first.stride == (2, 2)
    assert first.pad == (1, 1)
    assert second.W.shape == (4, 3, 1, 1) and second.pad == (0, 0)
    assert third.W.shape == (5, 4, 1, 1)
    for conv in link:
        assert (conv.W.array == 1).all() and (conv.b.array == 2).all()
    assert L.MLPConvolution2D(2, (3,), 1).activation is F.relu
    short = L.MLPConvolution2D((3, 4), 3)
    assert short[0].W.array is None and short[0].ksize == 3


def test_errors():
    with pytest.raises(TypeError):   # Chainer v1's positional wscale
        L.MLPConvolution2D(2, (3,), 3, 1, 0, F.relu, 1.0)
    with pytest.raises(ValueError):
        L.MLPConvolution2D(2, (3,), 3, wscale=1.0)
    with pytest.raises(TypeError):
        L.MLPConvolution2D(2, (3,), 3, foo=1)
    with pytest.raises(AssertionError):
        L.MLPConvolution2D(2, (), 3)
