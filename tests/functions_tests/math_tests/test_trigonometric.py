import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_sin(shape, dtype):
    x = numpy.random.uniform(-3, 3, shape).astype(dtype)
    y = functions.sin(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.sin(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.sin, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_cos(shape, dtype):
    x = numpy.random.uniform(-3, 3, shape).astype(dtype)
    y = functions.cos(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.cos(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.cos, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_tan(shape, dtype):
    x = numpy.random.uniform(-1, 1, shape).astype(dtype)
    y = functions.tan(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.tan(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.tan, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_arcsin(shape, dtype):
    x = numpy.random.uniform(-0.8, 0.8, shape).astype(dtype)
    y = functions.arcsin(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.arcsin(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.arcsin, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_arccos(shape, dtype):
    x = numpy.random.uniform(-0.8, 0.8, shape).astype(dtype)
    y = functions.arccos(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.arccos(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.arccos, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_arctan(shape, dtype):
    x = numpy.random.uniform(-2, 2, shape).astype(dtype)
    y = functions.arctan(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.arctan(x64)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.arctan, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_arctan2(dtype):
    x1 = numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
    x2 = numpy.random.uniform(0.2, 1, (3, 2)).astype(dtype) * \
        numpy.sign(numpy.random.uniform(-1, 1, (3, 2))).astype(dtype)
    y = functions.arctan2(x1, x2)
    assert y.dtype == dtype
    numpy.testing.assert_allclose(y.array, numpy.arctan2(x1, x2),
                                  **_numgrad.tol(dtype))
    _numgrad.check_backward(functions.arctan2, (x1, x2),
                            double=dtype == numpy.float64)
