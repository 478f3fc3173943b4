import numpy
import pytest

from chainerjax import functions as F
from chainerjax import gradient_check
from chainerjax.utils import type_check
from tests.functions_tests.rnn_tests import _fixtures


@pytest.mark.parametrize('dtype', ['float64', 'float32', 'float16'])
def test_lstm_matches_chainer(dtype):
    _fixtures.check('lstm_' + dtype, F.lstm)


def test_lstm_smaller_batch_matches_chainer():
    _fixtures.check('lstm_batch', F.lstm)


def test_lstm_gate_layout():
    # unit k uses x[:, 4k:4k+4] as (a, i, f, o)
    c = numpy.array([[1., 2.]])
    x = numpy.zeros((1, 8))
    x[0, 0] = 0.5    # a of unit 0
    x[0, 5] = 30.    # i of unit 1
    x[0, 6] = -30.   # f of unit 1
    c_new, h = F.lstm(c, x)
    s = 1 / (1 + numpy.exp(-0.))
    numpy.testing.assert_allclose(
        c_new.array[0, 0], numpy.tanh(.5) * s + s * 1., rtol=1e-12)
    numpy.testing.assert_allclose(c_new.array[0, 1], 0, atol=1e-12)


def test_lstm_double_backward():
    c = numpy.random.uniform(-1, 1, (3, 2))
    x = numpy.random.uniform(-1, 1, (2, 8))
    gc = numpy.random.uniform(-1, 1, (3, 2))
    gh = numpy.random.uniform(-1, 1, (2, 2))
    gradient_check.check_double_backward(
        F.lstm, (c, x), (gc, gh),
        (numpy.random.uniform(-1, 1, (3, 2)),
         numpy.random.uniform(-1, 1, (2, 8))))


def test_lstm_type_errors():
    with pytest.raises(type_check.InvalidType):
        F.lstm(numpy.zeros((2, 3)), numpy.zeros((2, 8)))
    with pytest.raises(type_check.InvalidType):
        F.lstm(numpy.zeros((2, 2)), numpy.zeros((3, 8)))
