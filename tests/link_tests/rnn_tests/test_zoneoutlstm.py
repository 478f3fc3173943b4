import numpy
import pytest

import chainerjax as chainer
import chainerjax.links as L
from chainerjax import random as cj_random
from tests.link_tests.rnn_tests import _link_fixtures as fx


def test_matches_chainer_in_test_mode():
    # Without zoneout (test mode) two steps equal real Chainer's.
    fx.check('StatefulZoneoutLSTM')


def test_zoneout_in_training_mode():
    link = fx.make_link('StatefulZoneoutLSTM')
    x1, x2 = fx.inputs('StatefulZoneoutLSTM', as_variables=False)

    def run(seed):
        cj_random.seed(seed)
        try:
            link.reset_state()
            link(x1)
            h1, c1 = link.h.array.copy(), link.c.array.copy()
            link(x2)
            return h1, c1, link.h.array, link.c.array
        finally:
            cj_random.reset()

    a, b = run(5), run(5)
    for u, v in zip(a, b):
        numpy.testing.assert_array_equal(u, v)
    h1, c1, h2, _ = a
    # From the zero state each element of the first output is either kept
    # (0) or the new value, which is Chainer's test-mode output.
    new = fx.load()['StatefulZoneoutLSTM/y0']
    kept = h1 == 0
    assert kept.any() and (~kept).any()
    numpy.testing.assert_allclose(h1[~kept], new[~kept], rtol=1e-5)
    kept2 = h2 == h1
    assert kept2.any() and (~kept2).any()


def test_state_and_errors():
    link = L.StatefulZoneoutLSTM(3, 2, c_ratio=0.1, h_ratio=0.2)
    assert (link.c_ratio, link.h_ratio) == (0.1, 0.2)
    c = chainer.Variable(numpy.zeros((1, 2), numpy.float32))
    h = chainer.Variable(numpy.zeros((1, 2), numpy.float32))
    link.set_state(c, h)
    assert link.c is c and link.h is h
    link.reset_state()
    assert link.c is None and link.h is None
    with pytest.raises(ValueError):
        L.StatefulZoneoutLSTM(3, 2, train=True)
