import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('beta_shape', [(), (3,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_swish(beta_shape, dtype):
    x = numpy.random.uniform(-2, 2, (2, 3)).astype(dtype)
    beta = numpy.random.uniform(0.5, 2, beta_shape).astype(dtype)
    y = functions.swish(x, beta)
    x64 = x.astype(numpy.float64)
    b = beta.astype(numpy.float64).reshape((1,) + beta_shape +
                                           (1,) * (1 - len(beta_shape)))
    expected = x64 / (1 + numpy.exp(-b * x64))
    assert y.dtype == dtype
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(functions.swish, (x, beta),
                            double=dtype == numpy.float64)


def test_swish_shape_error():
    with pytest.raises(type_check.InvalidType):
        functions.swish(numpy.zeros((2, 3), numpy.float32),
                        numpy.zeros((2,), numpy.float32))
