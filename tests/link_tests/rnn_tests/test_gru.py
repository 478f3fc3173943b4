import numpy
import pytest

import chainerjax as chainer
import chainerjax.links as L
from tests.link_tests.rnn_tests import _link_fixtures as fx


@pytest.mark.parametrize('name', ['StatelessGRU', 'StatefulGRU', 'GRU'])
def test_matches_chainer(name):
    # Child links W_r, U_r, W_z, U_z, W, U with Chainer's initial values;
    # two steps (the stateful ones from no state) equal real Chainer's, and
    # for StatefulGRU all the gradients too.
    fx.check(name)


def test_state():
    link = fx.make_link('StatefulGRU')
    assert link.h is None
    x1, x2 = fx.inputs('StatefulGRU')
    y = link(x1)
    assert link.h is y
    link.reset_state()
    assert link.h is None
    link.set_state(y)
    assert link.h is y
    # From the state of the first step, the second step is Chainer's.
    numpy.testing.assert_allclose(
        link(x2).array, fx.load()['StatefulGRU/y1'], **fx.TOL)


def test_gru_is_stateful():
    link = L.GRU(3, 2)
    assert isinstance(link, L.StatefulGRU)
    x = numpy.ones((1, 3), numpy.float32)
    with pytest.raises(ValueError):
        link(x, x)
    with pytest.raises(ValueError):
        link()


def test_lazy_and_bias_init():
    link = L.StatelessGRU(None, 4, bias_init=0.5)
    h, x = fx.inputs('StatelessGRU', as_variables=False)
    with chainer.no_backprop_mode():
        assert link(h, x).shape == (2, 4)
    assert link.W_r.W.shape == (4, 3) and link.U_r.W.shape == (4, 4)
    numpy.testing.assert_array_equal(link.U.b.array, 0.5)
