import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('axis,keepdims', [(None, False), (1, False),
                                           ((0, 2), True)])
@pytest.mark.parametrize('zeros', [0, 1, 2])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_prod(axis, keepdims, zeros, dtype):
    x = numpy.random.uniform(0.5, 1.5, (2, 3, 2)).astype(dtype)
    x.flat[:zeros] = 0
    y = functions.prod(x, axis=axis, keepdims=keepdims)
    expected = x.astype(numpy.float64).prod(axis=axis, keepdims=keepdims)
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(
        lambda v: functions.prod(v, axis=axis, keepdims=keepdims), (x,),
        double=dtype == numpy.float64)
