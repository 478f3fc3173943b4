import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests.normalization_tests import _fixtures


def test_group_normalization_matches_chainer():
    _fixtures.check('gn', lambda x, g, b: functions.group_normalization(
        x, 2, g, b))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32])
def test_group_normalization_dtype(dtype):
    x = numpy.random.uniform(-1, 1, (2, 6, 3)).astype(dtype)
    g = numpy.random.uniform(-1, 1, 6).astype(dtype)
    b = numpy.random.uniform(-1, 1, 6).astype(dtype)
    y = functions.group_normalization(x, 3, g, b)
    assert y.dtype == dtype
    xr = x.astype(numpy.float64).reshape(2, 3, -1)
    xr = (xr - xr.mean(2, keepdims=True)) / numpy.sqrt(
        xr.var(2, keepdims=True) + 1e-5)
    want = xr.reshape(2, 6, 3) * g[:, None] + b[:, None]
    numpy.testing.assert_allclose(y.array, want, rtol=1e-2, atol=1e-2)


def test_group_normalization_errors():
    x = numpy.zeros((2, 6), numpy.float32)
    g = numpy.ones(6, numpy.float32)
    with pytest.raises(ValueError):
        functions.group_normalization(x, 4, g, g)
    with pytest.raises(TypeError):
        functions.group_normalization(x, 2.0, g, g)
    with pytest.raises(type_check.InvalidType):
        functions.group_normalization(x, 2, g[:5], g[:5])
