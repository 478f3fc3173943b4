import numpy
import pytest

from chainerjax import functions as F
from chainerjax import gradient_check
from chainerjax.utils import type_check
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', DTYPES)
def test_sigmoid_cross_entropy_matches_chainer(dtype):
    _fixtures.check('sce_' + dtype, F.sigmoid_cross_entropy)
    _fixtures.check('sce_nonorm_' + dtype, lambda x, t: F.
                    sigmoid_cross_entropy(x, t, normalize=False))
    _fixtures.check('sce_no_' + dtype, lambda x, t: F.
                    sigmoid_cross_entropy(x, t, reduce='no'))


def test_sigmoid_cross_entropy_gradient_at_zero():
    x = numpy.zeros((2, 2))
    t = numpy.array([[0, 1], [1, -1]], numpy.int32)
    gradient_check.check_backward(
        lambda v: F.sigmoid_cross_entropy(v, t), x, numpy.array(1.))
    gradient_check.check_double_backward(
        lambda v: F.sigmoid_cross_entropy(v, t), x, numpy.array(1.),
        numpy.ones((2, 2)))


def test_sigmoid_cross_entropy_errors():
    with pytest.raises(ValueError):
        F.sigmoid_cross_entropy(numpy.zeros(2), numpy.zeros(2, numpy.int32),
                                reduce='sum')
    with pytest.raises(type_check.InvalidType):
        F.sigmoid_cross_entropy(numpy.zeros(2), numpy.zeros(2))
