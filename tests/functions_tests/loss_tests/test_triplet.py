import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', DTYPES)
def test_triplet_matches_chainer(dtype):
    _fixtures.check('triplet_' + dtype, F.triplet)


def test_triplet_no_reduce():
    _fixtures.check('triplet_no', lambda a, p, n: F.triplet(
        a, p, n, margin=0.5, reduce='no'))
    with pytest.raises(ValueError):
        F.triplet(numpy.zeros((1, 2)), numpy.zeros((1, 2)),
                  numpy.zeros((1, 2)), margin=-1)
