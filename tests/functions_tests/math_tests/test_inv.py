import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


def _matrices(shape, dtype):
    a = numpy.random.uniform(-1, 1, shape)
    return (a + 3 * numpy.eye(shape[-1])).astype(dtype)


@pytest.mark.parametrize('name,shape', [('inv', (3, 3)),
                                        ('batch_inv', (2, 3, 3))])
@pytest.mark.parametrize('dtype', DTYPES)
def test_inv(name, shape, dtype):
    a = _matrices(shape, dtype)
    f = getattr(functions, name)
    y = f(a)
    assert y.dtype == dtype and y.shape == shape
    numpy.testing.assert_allclose(
        y.array, numpy.linalg.inv(a.astype(numpy.float64)),
        **_numgrad.tol(dtype, 2))
    _numgrad.check_backward(f, (a,), double=dtype == numpy.float64)


def test_singular():
    with pytest.raises(ValueError):
        functions.inv(numpy.array([[1., 2.], [2., 4.]], numpy.float32))


def test_shape_errors():
    with pytest.raises(type_check.InvalidType):
        functions.inv(numpy.zeros((2, 3), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.batch_inv(numpy.zeros((3, 3), numpy.float32))
