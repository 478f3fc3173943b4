import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('shape', [(3, 2), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_relu6(shape, dtype):
    x = numpy.random.uniform(-3, 9, shape).astype(dtype)
    y = functions.relu6(x)
    assert y.shape == shape
    assert y.dtype == dtype
    x64 = x.astype(numpy.float64)
    expected = numpy.clip(x64, 0, 6)
    numpy.testing.assert_allclose(
        y.array, expected, **_numgrad.tol(dtype, 1))
    _numgrad.check_backward(
        functions.relu6, (x,), double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_relu6_gradient_at_kinks_matches_chainer(dtype):
    fixtures.check_against_chainer(functions.relu6, 'kink_relu6', dtype)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_clipped_relu_gradient_at_kinks_matches_chainer(dtype):
    fixtures.check_against_chainer(lambda x: functions.clipped_relu(x, 1.0),
                                   'kink_clipped_relu', dtype)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_clipped_relu(dtype):
    x = numpy.random.uniform(-1, 3, (3, 4)).astype(dtype)
    x[abs(x) < 0.05] = 0.5
    x[abs(x - 2) < 0.05] = 1.0
    y = functions.clipped_relu(x, 2.0)
    assert y.dtype == dtype
    numpy.testing.assert_allclose(y.array, numpy.clip(x, 0, 2))
    _numgrad.check_backward(lambda v: functions.clipped_relu(v, 2.0), (x,))


def test_clipped_relu_z_must_be_float():
    with pytest.raises(TypeError):
        functions.clipped_relu(numpy.zeros(3, numpy.float32), 1)
