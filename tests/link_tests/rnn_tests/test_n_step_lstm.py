import numpy
import pytest

import chainerjax as chainer
import chainerjax.links as L
from chainerjax import serializers
from tests.link_tests.rnn_tests import _link_fixtures as fx


@pytest.mark.parametrize('name', ['NStepLSTM', 'NStepBiLSTM'])
def test_matches_chainer(name):
    # Same parameter names, shapes and initial values (same NumPy seed);
    # the outputs on unsorted variable-length sequences (and for NStepLSTM
    # the gradients of every parameter and input, with given hx and cx;
    # NStepBiLSTM with hx = cx = None) equal real Chainer's.
    fx.check(name)


def test_structure():
    link = L.NStepBiLSTM(2, 3, 2, 0.1)
    assert link.n_cells == 2 and link.use_bi_direction
    assert link.n_weights == 8 and len(link) == 4
    assert [w.shape for w in link.ws[0]] == [(2, 3)] * 4 + [(2, 2)] * 4
    assert [w.shape for w in link.ws[2]] == [(2, 4)] * 4 + [(2, 2)] * 4
    assert link.ws[3][5] is link[3].w5 and link.bs[1][0] is link[1].b0
    copied = link.copy()
    assert copied.ws[0][0] is copied[0].w0
    assert copied.ws[0][0] is not link.ws[0][0]
    assert not L.NStepLSTM(1, 2, 3, 0.).use_bi_direction


def test_initializers():
    link = L.NStepLSTM(1, 2, 3, 0., initialW=0.5, initial_bias=1.)
    for w, b in zip(link.ws[0], link.bs[0]):
        numpy.testing.assert_array_equal(w.array, 0.5)
        numpy.testing.assert_array_equal(b.array, 1.)
    assert link.ws[0][0].dtype == numpy.float32


def test_loads_chainer_npz(tmp_path):
    d = fx.load()
    head = 'NStepBiLSTM/npz/'
    path = str(tmp_path / 'link.npz')
    numpy.savez(path, **{k[len(head):]: v for k, v in d.items()
                         if k.startswith(head)})
    link = L.NStepBiLSTM(2, 3, 2, 0.0)
    serializers.load_npz(path, link)
    for p, want in fx.params('NStepBiLSTM').items():
        numpy.testing.assert_array_equal(
            dict(link.namedparams())[p].array, want)
    serializers.save_npz(str(tmp_path / 'back.npz'), link)
    with numpy.load(str(tmp_path / 'back.npz')) as f:
        assert sorted(f.files) == sorted(
            k[len(head):] for k in d if k.startswith(head))


def test_errors():
    with pytest.raises(ValueError):
        L.NStepLSTM(1, 2, 3, 0., use_bi_direction=True)
    with pytest.raises(TypeError):
        L.NStepLSTM(1, 2, 3, 0., nonsense=True)
    link = L.NStepLSTM(1, 2, 3, 0.)
    xs = [numpy.ones((2, 2), numpy.float32)]
    with pytest.raises(ValueError):
        link(None, None, xs, train=True)
    with pytest.raises(AssertionError):
        link(None, None, xs[0])
    with pytest.raises(chainer.utils.type_check.InvalidType):
        # hidden size 4 instead of 3
        link(numpy.zeros((1, 1, 4), numpy.float32), None, xs)
