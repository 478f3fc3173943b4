import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check  # NOQA
from tests.functions_tests import _numgrad

DTYPES = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('subscripts,shapes', [
    ('ij,jk->ik', [(2, 3), (3, 4)]),
    ('ii->i', [(3, 3)]),
    ('ij->', [(2, 3)]),
    ('...i,i', [(2, 3), (3,)]),
    ('ij,jk,kl', [(2, 3), (3, 2), (2, 2)]),
])
@pytest.mark.parametrize('dtype', DTYPES)
def test_einsum(subscripts, shapes, dtype):
    xs = tuple(numpy.random.uniform(-1, 1, s).astype(dtype) for s in shapes)
    y = functions.einsum(subscripts, *xs)
    expected = numpy.einsum(subscripts, *[x.astype(numpy.float64)
                                          for x in xs])
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype, 2))
    _numgrad.check_backward(lambda *v: functions.einsum(subscripts, *v), xs,
                            double=dtype == numpy.float64)


def test_sublist_form():
    a = numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float32)
    y = functions.einsum(a, [0, 1], a, [2, 1], [0, 2])
    numpy.testing.assert_allclose(y.array, a @ a.T, rtol=1e-5)


def test_errors():
    a = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.einsum('ij->k', a)
    with pytest.raises(ValueError):
        functions.einsum('ij,jk', a)
    with pytest.raises(type_check.InvalidType):
        functions.einsum('ij,ij', a, numpy.zeros((3, 2), numpy.float32))
