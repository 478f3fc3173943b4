import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', DTYPES)
def test_contrastive_matches_chainer(dtype):
    _fixtures.check('contrastive_' + dtype,
                    lambda a, b, y: F.contrastive(a, b, y, margin=1.5))


def test_contrastive_no_reduce_and_zero_distance():
    _fixtures.check('contrastive_no', lambda a, b, y: F.contrastive(
        a, b, y, reduce='no'))
    import chainerjax
    x = chainerjax.Variable(numpy.ones((2, 3)))
    y = F.contrastive(x, numpy.ones((2, 3)), numpy.array([0, 1], numpy.int32))
    y.backward()
    assert numpy.isfinite(x.grad).all()
    with pytest.raises(ValueError):
        F.contrastive(x, x, numpy.array([0, 1], numpy.int32), margin=0)
