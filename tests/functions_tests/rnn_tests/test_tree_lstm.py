import numpy
import pytest

from chainerjax import functions as F
from chainerjax.utils import type_check
from tests.functions_tests.rnn_tests import _fixtures


def test_tree_lstm_matches_chainer():
    _fixtures.check('tree_lstm2', F.tree_lstm)
    _fixtures.check('tree_lstm1', F.tree_lstm)


def test_tree_lstm_type_errors():
    with pytest.raises(type_check.InvalidType):
        F.tree_lstm(numpy.zeros((2, 2)), numpy.zeros((2, 9)))
