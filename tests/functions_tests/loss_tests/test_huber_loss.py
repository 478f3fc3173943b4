import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', DTYPES)
def test_huber_loss_matches_chainer(dtype):
    _fixtures.check('huber_' + dtype, lambda x, t: F.huber_loss(x, t, 0.5))


def test_huber_loss_no_reduce():
    _fixtures.check('huber_no', lambda x, t: F.huber_loss(x, t, 1.0, 'no'))
    with pytest.raises(ValueError):
        F.huber_loss(numpy.zeros((2, 2)), numpy.zeros((2, 2)), 1., 'mean')
