import numpy
import pytest

from chainerjax import functions as F
from chainerjax.utils import type_check
from tests.functions_tests.rnn_tests import _fixtures


def test_slstm_matches_chainer():
    _fixtures.check('slstm', F.slstm)


def test_slstm_type_errors():
    with pytest.raises(type_check.InvalidType):
        F.slstm(numpy.zeros((2, 2)), numpy.zeros((2, 2)),
                numpy.zeros((2, 8)), numpy.zeros((3, 8)))
