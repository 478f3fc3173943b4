import numpy
import pytest

from chainerjax import functions as F
from chainerjax.utils import type_check
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', DTYPES)
def test_hinge_matches_chainer(dtype):
    _fixtures.check('hinge_l1_' + dtype, F.hinge)
    _fixtures.check('hinge_l2_' + dtype, lambda x, t: F.hinge(x, t, 'L2',
                                                               'no'))


def test_hinge_errors():
    x = numpy.zeros((2, 3))
    t = numpy.zeros(2, numpy.int32)
    with pytest.raises(NotImplementedError):
        F.hinge(x, t, norm='L3')
    with pytest.raises(ValueError):
        F.hinge(x, t, reduce='sum')
    with pytest.raises(type_check.InvalidType):
        F.hinge(x, t.astype(numpy.float32))
