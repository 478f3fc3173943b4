import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


def test_decov_matches_chainer():
    _fixtures.check('decov', F.decov)
    _fixtures.check('decov_no', lambda h: F.decov(h, reduce='no'))
    with pytest.raises(ValueError):
        F.decov(numpy.zeros((2, 2)), 'mean')
