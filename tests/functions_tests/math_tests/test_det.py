import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('name,shape', [('det', (3, 3)),
                                        ('batch_det', (2, 3, 3))])
@pytest.mark.parametrize('dtype', DTYPES)
def test_det(name, shape, dtype):
    a = (numpy.random.uniform(-1, 1, shape) +
         2 * numpy.eye(shape[-1])).astype(dtype)
    f = getattr(functions, name)
    y = f(a)
    assert y.dtype == dtype and y.shape == shape[:-2]
    numpy.testing.assert_allclose(
        y.array, numpy.linalg.det(a.astype(numpy.float64)),
        **_numgrad.tol(dtype, 2))
    _numgrad.check_backward(f, (a,), double=dtype == numpy.float64)


def test_shape_error():
    with pytest.raises(type_check.InvalidType):
        functions.batch_det(numpy.zeros((2, 3), numpy.float32))
