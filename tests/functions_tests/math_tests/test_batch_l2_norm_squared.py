import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('shape', [(3, 2), (2, 3, 2)])
@pytest.mark.parametrize('dtype', DTYPES)
def test_batch_l2_norm_squared(shape, dtype):
    x = numpy.random.uniform(-1, 1, shape).astype(dtype)
    y = functions.batch_l2_norm_squared(x)
    expected = (x.astype(numpy.float64).reshape(shape[0], -1) ** 2).sum(1)
    assert y.dtype == dtype and y.shape == (shape[0],)
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(functions.batch_l2_norm_squared, (x,),
                            double=dtype == numpy.float64)


def test_ndim_error():
    with pytest.raises(type_check.InvalidType):
        functions.batch_l2_norm_squared(numpy.zeros(3, numpy.float32))
