import numpy
import pytest

from chainerjax import functions as F
from chainerjax.utils import type_check

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_absolute_error(dtype):
    x0 = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    x1 = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    x1[0, 0] = x0[0, 0]
    y = F.absolute_error(x0, x1)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(y.array, numpy.abs(x0 - x1))
    import chainerjax
    v0, v1 = chainerjax.Variable(x0), chainerjax.Variable(x1)
    F.absolute_error(v0, v1).grad = None
    y = F.absolute_error(v0, v1)
    y.grad = numpy.ones_like(y.array)
    y.backward()
    numpy.testing.assert_array_equal(v0.grad, numpy.sign(x0 - x1))
    numpy.testing.assert_array_equal(v1.grad, -numpy.sign(x0 - x1))
    assert v0.grad[0, 0] == 0


def test_absolute_error_type_errors():
    with pytest.raises(type_check.InvalidType):
        F.absolute_error(numpy.zeros(2), numpy.zeros(3))
