import numpy
import pytest

import chainerjax as chainer
from tests.link_tests.rnn_tests import _link_fixtures as fx


@pytest.mark.parametrize('name', ['StatelessMGU', 'StatefulMGU'])
def test_matches_chainer(name):
    # Child links W_f, W_h with Chainer's initial values; two steps equal
    # real Chainer's, and for StatelessMGU all the gradients too.
    fx.check(name)


def test_state():
    link = fx.make_link('StatefulMGU')
    x1, x2 = fx.inputs('StatefulMGU', as_variables=False)
    with chainer.no_backprop_mode():
        y = link(x1)
        assert link.h is y and y.dtype == numpy.float32
        link.reset_state()
        assert link.h is None
        link.set_state(y)
        assert link.h is y
        numpy.testing.assert_allclose(
            link(x2).array, fx.load()['StatefulMGU/y1'], **fx.TOL)
