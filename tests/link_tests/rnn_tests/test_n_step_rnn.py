import numpy
import pytest

import chainerjax.links as L
from chainerjax.links.rnn import n_step_rnn
from tests.link_tests.rnn_tests import _link_fixtures as fx


@pytest.mark.parametrize('name', [
    'NStepRNNTanh', 'NStepRNNReLU', 'NStepBiRNNTanh', 'NStepBiRNNReLU'])
def test_matches_chainer(name):
    # Same parameter names, shapes and initial values (same NumPy seed);
    # the outputs on unsorted variable-length sequences, with and without
    # hx (and for NStepBiRNNTanh the gradients of every parameter and
    # input) equal real Chainer's.
    fx.check(name)


def test_structure():
    for cls, bi in ((L.NStepRNNTanh, False), (L.NStepRNNReLU, False),
                    (L.NStepBiRNNTanh, True), (L.NStepBiRNNReLU, True)):
        link = cls(2, 3, 4, 0.)
        assert isinstance(link, n_step_rnn.NStepRNNBase)
        assert link.use_bi_direction == bi and link.n_cells == 1
        assert len(link) == 4 if bi else 2
        assert [w.shape for w in link.ws[-1]] == [(4, 8 if bi else 4),
                                                  (4, 4)]


def test_helpers():
    xs = [numpy.zeros(n) for n in (1, 3, 2)]
    idx = n_step_rnn.argsort_list_descent(xs)
    assert idx.dtype == numpy.int32 and list(idx) == [1, 2, 0]
    p = n_step_rnn.permutate_list(['a', 'b', 'c'], idx, inv=False)
    assert p == ['b', 'c', 'a']
    assert n_step_rnn.permutate_list(p, idx, inv=True) == ['a', 'b', 'c']
