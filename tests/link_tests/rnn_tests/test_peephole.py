import chainerjax as chainer
from tests.link_tests.rnn_tests import _link_fixtures as fx


def test_matches_chainer():
    # Child links upward, lateral, peep_i, peep_f, peep_o with Chainer's
    # initial values; two steps (h, c) equal real Chainer's.
    fx.check('StatefulPeepholeLSTM')


def test_state():
    link = fx.make_link('StatefulPeepholeLSTM')
    assert link.c is None and link.h is None
    assert link.lateral.b is None and link.peep_i.b is None
    x1, x2 = fx.inputs('StatefulPeepholeLSTM', as_variables=False)
    with chainer.no_backprop_mode():
        y = link(x1)
    assert link.h is y and link.c.shape == (2, 4)
    link.reset_state()
    assert link.c is None and link.h is None
