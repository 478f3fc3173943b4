import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('w_shape', [(3,), (3, 4)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_prelu(w_shape, dtype):
    x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype(dtype)
    x[abs(x) < 0.05] = 0.5
    W = numpy.random.uniform(-1, 1, w_shape).astype(dtype)
    y = functions.prelu(x, W)
    w = W.reshape((1,) + w_shape + (1,) * (2 - len(w_shape)))
    expected = numpy.where(x >= 0, x, x * w)
    assert y.dtype == dtype
    numpy.testing.assert_allclose(y.array, expected, **_numgrad.tol(dtype))
    _numgrad.check_backward(functions.prelu, (x, W),
                            double=dtype == numpy.float64)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_prelu_gradient_at_zero_matches_chainer(dtype):
    fixtures.check_against_chainer(functions.prelu, 'kink_prelu', dtype)


def test_prelu_shape_error():
    with pytest.raises(type_check.InvalidType):
        functions.prelu(numpy.zeros((2, 3), numpy.float32),
                        numpy.zeros((4,), numpy.float32))
