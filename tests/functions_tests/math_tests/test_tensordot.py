import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('a_shape,b_shape,axes', [
    ((2, 3, 4), (3, 4, 2), 2),
    ((2, 3), (3, 2), 1),
    ((2, 3, 4), (4, 3), ((1, 2), (1, 0))),
    ((2, 3), (4,), 0),
])
@pytest.mark.parametrize('dtype', DTYPES)
def test_tensordot(a_shape, b_shape, axes, dtype):
    a = numpy.random.uniform(-1, 1, a_shape).astype(dtype)
    b = numpy.random.uniform(-1, 1, b_shape).astype(dtype)
    y = functions.tensordot(a, b, axes=axes)
    expected = numpy.tensordot(a.astype(numpy.float64),
                               b.astype(numpy.float64), axes)
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype, 2))
    _numgrad.check_backward(lambda u, v: functions.tensordot(u, v, axes),
                            (a, b), double=dtype == numpy.float64)


def test_errors():
    a = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.tensordot(a, a, axes=1)
    with pytest.raises(ValueError):
        functions.tensordot(a, a, axes=((0,), (0,), (0,)))
    with pytest.raises(TypeError):
        functions.tensordot(a, a, axes=1.5)
