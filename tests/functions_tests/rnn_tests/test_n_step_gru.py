import pytest

from chainerjax import functions as F
from chainerjax.utils import type_check
from tests.functions_tests.rnn_tests import _n_step_fixtures as fx


@pytest.mark.parametrize('name', [
    'gru', 'bigru', 'gru_float16', 'gru_float64'])
def test_matches_chainer(name):
    # Outputs equal real Chainer's on variable-length batches (and for
    # 'bigru' the gradients of hx, every weight, bias and input).
    fx.check(name)


def test_errors():
    meta, ratio, vs, hx, cx, ws, bs, xs = fx.inputs('gru')
    with pytest.raises(type_check.InvalidType):
        # not sorted by decreasing length
        F.n_step_gru(2, 0.0, hx, ws, bs, [xs[2], xs[0]])
    with pytest.raises(type_check.InvalidType):
        # input size differs from the weights' (InvalidType, as Chainer)
        F.n_step_gru(2, 0.0, hx, ws, bs, [x[:, :2] for x in xs])
    with pytest.raises(type_check.InvalidType):
        F.n_step_gru(2, 0.0, hx[:1], ws, bs, xs)
    with pytest.raises(IndexError):
        F.n_step_bigru(2, 0.0, hx, ws, bs, xs)
    with pytest.raises(ValueError):
        F.n_step_gru(2, 0.0, hx, ws, bs, xs, use_cudnn=True)
