import pytest

import chainerjax.links as L
from tests.link_tests.rnn_tests import _link_fixtures as fx


@pytest.mark.parametrize('name', ['ChildSumTreeLSTM', 'NaryTreeLSTM'])
def test_matches_chainer(name):
    # Chainer's child links and initial values; leaves, a node with two
    # children, None children and a None input (zeros) equal real
    # Chainer's, and for NaryTreeLSTM all the gradients too.
    fx.check(name)


def test_structure_and_errors():
    tree = L.NaryTreeLSTM(3, 2, n_ary=3)
    assert sorted(n for n, _ in tree.namedparams()) == [
        '/W_h1/W', '/W_h2/W', '/W_h3/W', '/W_x/W', '/W_x/b']
    assert tree.W_x.W.shape == (12, 3)
    with pytest.raises(ValueError):
        tree(None, None, None, None, None, None, None)
    with pytest.raises(AssertionError):
        tree(None, None)
    child = L.ChildSumTreeLSTM(3, 2)
    with pytest.raises(ValueError):
        child(None, None, None)
    assert sorted(n for n, _ in child.namedparams()) == [
        '/W_h_aio/W', '/W_h_f/W', '/W_x/W', '/W_x/b']
