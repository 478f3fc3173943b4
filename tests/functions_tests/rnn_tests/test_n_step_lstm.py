import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions as F
from chainerjax.functions.rnn import n_step_lstm
from chainerjax import random as cj_random
from chainerjax.utils import type_check
from tests.functions_tests.rnn_tests import _n_step_fixtures as fx


@pytest.mark.parametrize('name', [
    'lstm', 'bilstm', 'lstm_float16', 'lstm_float64'])
def test_matches_chainer(name):
    # Outputs equal real Chainer's on variable-length batches (and for
    # 'lstm' and 'lstm_float64' the gradients of hx, cx, every weight, bias
    # and input; 'lstm_float64' has more rows in hx than sequences and an
    # empty last time step).
    fx.check(name)


def test_no_dropout_in_test_mode():
    # Chainer's outputs of case 'lstm' were computed without dropout.
    def func(meta, ratio, hx, cx, ws, bs, xs):
        with chainer.using_config('train', False):
            return F.n_step_lstm(2, 0.5, hx, cx, ws, bs, xs)

    fx.check('lstm', func)


def _case(name='lstm'):
    meta, ratio, vs, hx, cx, ws, bs, xs = fx.inputs(name)
    return hx, cx, ws, bs, xs


def test_wide_hx_keeps_extra_rows():
    # hx has more rows than sequences: those rows are passed through.
    hx, cx, ws, bs, xs = _case('lstm_float64')
    hy, cy, ys = F.n_step_lstm(1, 0.0, hx, cx, ws, bs, xs)
    assert hy.shape == hx.shape and ys[-1].shape == (0, 2)
    numpy.testing.assert_array_equal(hy.array[:, 3:], hx.array[:, 3:])
    numpy.testing.assert_array_equal(cy.array[:, 3:], cx.array[:, 3:])


def test_dropout_is_reproducible_with_a_seed():
    hx, cx, ws, bs, xs = _case()

    def run(seed):
        cj_random.seed(seed)
        try:
            with chainer.no_backprop_mode():
                return F.n_step_lstm(2, 0.5, hx, cx, ws, bs, xs)[2]
        finally:
            cj_random.reset()

    a, b, c = run(3), run(3), run(4)
    for ya, yb in zip(a, b):
        numpy.testing.assert_array_equal(ya.array, yb.array)
    assert any(not numpy.array_equal(ya.array, yc.array)
               for ya, yc in zip(a, c))
    # Dropout acts between the layers: the outputs differ from Chainer's
    # without dropout.
    d = fx.load()
    assert any(not numpy.allclose(y.array, d['lstm/y{}'.format(t)])
               for t, y in enumerate(a))


def test_errors():
    hx, cx, ws, bs, xs = _case()
    with pytest.raises(type_check.InvalidType):
        # not sorted by decreasing length
        F.n_step_lstm(2, 0.0, hx, cx, ws, bs, [xs[1], xs[0]])
    with pytest.raises(ValueError):
        # input size differs from the weights'
        F.n_step_lstm(2, 0.0, hx, cx, ws, bs, [x[:, :2] for x in xs])
    with pytest.raises(type_check.InvalidType):
        # fewer rows in hx than sequences
        F.n_step_lstm(2, 0.0, hx[:, :2], cx[:, :2], ws, bs, xs)
    with pytest.raises(type_check.InvalidType):
        F.n_step_lstm(2, 0.0, hx[:, :, :3], cx, ws, bs, xs)
    with pytest.raises(type_check.InvalidType):
        F.n_step_lstm(2, 0.0, hx, cx, ws, bs,
                      [x.array.astype(numpy.float64) for x in xs])
    with pytest.raises(IndexError):
        F.n_step_lstm(3, 0.0, hx, cx, ws, bs, xs)
    with pytest.raises(ValueError):
        F.n_step_lstm(2, 0.0, hx, cx, ws, bs, xs, train=True)
    with pytest.raises(ValueError):
        F.n_step_lstm(2, 1.5, hx, cx, ws, bs, xs)
    with pytest.raises(TypeError):
        F.n_step_lstm(2, 0.0, hx, None, ws, bs, xs)
    # Chainer's cuDNN-only Function classes are not provided.
    with pytest.raises(NotImplementedError):
        n_step_lstm.NStepLSTM
