import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('bounds', [(-0.5, 0.5), (None, 0.5), (-0.5, None)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_clip(bounds, dtype):
    x = numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
    x[abs(abs(x) - 0.5) < 0.05] = 0.
    y = functions.clip(x, *bounds)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(y.array, numpy.clip(x, *bounds))
    _numgrad.check_backward(lambda v: functions.clip(v, *bounds), (x,))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_clip_gradient_at_bounds_matches_chainer(dtype):
    # Chainer passes the gradient where x_min <= x <= x_max.
    fixtures.check_against_chainer(
        lambda x: functions.clip(x, -1., 1.), 'kink_clip', dtype)


def test_clip_errors():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.clip(x, None, None)
    with pytest.raises(ValueError):
        functions.clip(x, 1., 1.)
