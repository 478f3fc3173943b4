import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('name,op', [('bias', numpy.add),
                                     ('scale', numpy.multiply)])
@pytest.mark.parametrize('axis,y_shape', [(1, (3,)), (1, (3, 4)), (0, (2,))])
@pytest.mark.parametrize('dtype', DTYPES)
def test_bias_scale(name, op, axis, y_shape, dtype):
    x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype(dtype)
    y = numpy.random.uniform(-1, 1, y_shape).astype(dtype)
    f = getattr(functions, name)
    z = f(x, y, axis)
    shape = (1,) * axis + y_shape + (1,) * (3 - axis - len(y_shape))
    assert z.dtype == dtype and z.shape == x.shape
    numpy.testing.assert_allclose(
        z.array, op(x, y.reshape(shape)), **_numgrad.tol(dtype))
    _numgrad.check_backward(lambda a, b: f(a, b, axis), (x, y))
