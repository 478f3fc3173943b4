import numpy
import pytest

import chainerjax as chainer
from chainerjax import _kernels
from chainerjax import functions as F
from chainerjax.functions.rnn import n_step_rnn
from chainerjax.utils import type_check
from tests.functions_tests.rnn_tests import _n_step_fixtures as fx


@pytest.mark.parametrize('name', [
    'rnn_tanh', 'birnn_tanh', 'rnn_relu', 'birnn_relu', 'rnn_tanh_float16',
    'rnn_tanh_float64'])
def test_matches_chainer(name):
    # Outputs equal real Chainer's on variable-length batches (and for
    # 'birnn_tanh' the gradients of hx, every weight, bias and input).
    fx.check(name)


def _tanh_cell(x, h, c, w, b):
    return F.tanh(F.linear(x, w[0], b[0]) + F.linear(h, w[1], b[1])), None


def test_n_step_rnn_impl_with_a_custom_cell():
    # The generic helper, given the cell of n_step_rnn, gives Chainer's
    # n_step_rnn.
    def func(meta, ratio, hx, cx, ws, bs, xs):
        return n_step_rnn.n_step_rnn_impl(
            _tanh_cell, meta[1], ratio, hx, cx, ws, bs, xs, meta[2])

    fx.check('rnn_tanh_float64', func)


def test_length_patterns_share_the_kernel():
    meta, ratio, vs, hx, cx, ws, bs, xs = fx.inputs('rnn_tanh')

    def n_kernels():
        return sum(1 for key, mask in _kernels._cache
                   if key[0] is n_step_rnn.NStepRNNFunction)

    with chainer.no_backprop_mode():
        F.n_step_rnn(2, 0.0, hx, ws, bs, xs)
        before = n_kernels()
        # (3, 2, 2, 1) -> (3, 3, 1, 1): same T and batch, new pattern
        xs2 = [xs[0], F.concat([xs[1], xs[3]], axis=0), xs[3], xs[3]]
        hy, ys = F.n_step_rnn(2, 0.0, hx, ws, bs, xs2)
    assert n_kernels() == before
    assert [y.shape for y in ys] == [(3, 4), (3, 4), (1, 4), (1, 4)]
    # Each sequence only sees its own steps: the third one, of length 2,
    # gives the same as when run alone.
    with chainer.no_backprop_mode():
        hy3, ys3 = F.n_step_rnn(2, 0.0, hx[:, 2:3], ws, bs,
                                [x[2:3] for x in xs2[:2]])
    tol = fx.tol('float32')
    numpy.testing.assert_allclose(hy.array[:, 2:3], hy3.array, **tol)
    numpy.testing.assert_allclose(ys[1].array[2:3], ys3[1].array, **tol)


def test_errors():
    meta, ratio, vs, hx, cx, ws, bs, xs = fx.inputs('rnn_tanh')
    with pytest.raises(ValueError):
        F.n_step_rnn(2, 0.0, hx, ws, bs, xs, activation='sigmoid')
    with pytest.raises(type_check.InvalidType):
        F.n_step_rnn(2, 0.0, hx, ws, bs, xs[::-1])
    with pytest.raises(ValueError):
        F.n_step_rnn(2, 0.0, hx, ws, bs, [x[:, :1] for x in xs])
    with pytest.raises(type_check.InvalidType):
        F.n_step_rnn(2, 0.0, hx[0], ws, bs, xs)
    with pytest.raises(TypeError):
        F.n_step_rnn(2, 0.0, None, ws, bs, xs)
