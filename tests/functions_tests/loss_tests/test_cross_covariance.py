import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


def test_cross_covariance_matches_chainer():
    _fixtures.check('cross_cov', F.cross_covariance)
    _fixtures.check('cross_cov_no', lambda y, z: F.cross_covariance(
        y, z, reduce='no'))
    with pytest.raises(ValueError):
        F.cross_covariance(numpy.zeros((2, 2)), numpy.zeros((2, 2)), 'mean')
