import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('axis', [None, 0, 1, -1])
@pytest.mark.parametrize('name', ['cumsum', 'cumprod'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_cumsum_cumprod(axis, name, dtype):
    x = numpy.random.uniform(-1, 1, (3, 4)).astype(dtype)
    if name == 'cumprod':
        x[0, 1] = 0  # a zero: Chainer's gradient stays exact there
    f = getattr(functions, name)
    y = f(x, axis=axis)
    expected = getattr(numpy, name)(x.astype(numpy.float64), axis=axis)
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(lambda v: f(v, axis=axis), (x,),
                            double=dtype == numpy.float64)


@pytest.mark.parametrize('name', ['cumsum', 'cumprod'])
def test_errors(name):
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(TypeError):
        getattr(functions, name)(x, axis=(0,))
    with pytest.raises(type_check.InvalidType):
        getattr(functions, name)(x, axis=2)
