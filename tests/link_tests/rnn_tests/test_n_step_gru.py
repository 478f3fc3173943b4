import numpy
import pytest

import chainerjax as chainer
import chainerjax.links as L
from tests.link_tests.rnn_tests import _link_fixtures as fx


@pytest.mark.parametrize('name', ['NStepGRU', 'NStepBiGRU'])
def test_matches_chainer(name):
    # Same parameter names, shapes and initial values (same NumPy seed);
    # the outputs on unsorted variable-length sequences (and for NStepBiGRU
    # the gradients of every parameter and input, with a given hx; NStepGRU
    # with hx = None) equal real Chainer's.
    fx.check(name)


def test_structure_and_arrays():
    link = L.NStepBiGRU(1, 3, 2, 0.)
    assert link.n_cells == 1 and link.use_bi_direction and len(link) == 2
    assert sorted(n for n, _ in link[0].namedparams()) == sorted(
        ['/w%d' % j for j in range(6)] + ['/b%d' % j for j in range(6)])
    # Plain arrays work as well as Variables.
    link = fx.make_link('NStepGRU')
    assert not link.use_bi_direction
    with chainer.no_backprop_mode():
        hy, ys = link(None, fx.inputs('NStepGRU', as_variables=False))
    assert hy.shape == (2, 3, 4)
    for j, y in enumerate(ys):
        numpy.testing.assert_allclose(
            y.array, fx.load()['NStepGRU/y{}'.format(j + 1)], **fx.TOL)


def test_errors():
    with pytest.raises(ValueError):
        L.NStepGRU(1, 2, 3, 0., activation='tanh')
