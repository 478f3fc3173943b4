import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests.normalization_tests import _fixtures


def test_layer_normalization_matches_chainer():
    _fixtures.check('ln', functions.layer_normalization)


def test_layer_normalization_errors():
    with pytest.raises(type_check.InvalidType):
        functions.layer_normalization(
            numpy.zeros((2, 3, 4), numpy.float32),
            numpy.ones(3, numpy.float32), numpy.ones(3, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.layer_normalization(
            numpy.zeros((2, 3), numpy.float32),
            numpy.ones(3, numpy.float64), numpy.ones(3, numpy.float64))
