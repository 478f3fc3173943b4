import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_rrelu_train(dtype):
    x = numpy.random.uniform(-1, 1, (4, 5)).astype(dtype)
    with chainer.using_config('train', True):
        y, r = functions.rrelu(x, return_r=True)
    assert y.dtype == dtype and r.dtype == dtype and r.shape == x.shape
    assert isinstance(r, numpy.ndarray)
    assert (r >= dtype(1. / 8)).all() and (r <= dtype(1. / 3)).all()
    numpy.testing.assert_allclose(y.array, numpy.where(x >= 0, x, x * r))
    with chainer.using_config('train', True):
        _numgrad.check_backward(
            lambda v: functions.rrelu(v, r=r.astype(v.dtype)), (x,),
            double=dtype == numpy.float64)


def test_rrelu_draws_new_slopes():
    x = -numpy.ones((10,), numpy.float32)
    with chainer.using_config('train', True):
        _, r1 = functions.rrelu(x, return_r=True)
        _, r2 = functions.rrelu(x, return_r=True)
    assert not numpy.array_equal(r1, r2)


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_rrelu_test_mode_uses_mean_slope(dtype):
    x = numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
    r_given = numpy.full(x.shape, 0.9, dtype)
    with chainer.using_config('train', False):
        y, r = functions.rrelu(x, l=0.1, u=0.3, r=r_given, return_r=True)
    numpy.testing.assert_allclose(r, numpy.full(x.shape, 0.2, dtype))
    numpy.testing.assert_allclose(y.array, numpy.where(x >= 0, x, 0.2 * x),
                                  rtol=1e-6)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_rrelu_gradient_at_zero_matches_chainer(dtype):
    with chainer.using_config('train', True):
        fixtures.check_against_chainer(
            lambda x: functions.rrelu(x, r=numpy.full(x.shape, .25, dtype)),
            'kink_rrelu', dtype)


def test_rrelu_errors():
    x = numpy.zeros((2,), numpy.float32)
    with pytest.raises(ValueError):
        functions.rrelu(x, l=0.5, u=0.2)
    with pytest.raises(ValueError):
        functions.rrelu(x, train=True)
    with pytest.raises(TypeError):
        functions.rrelu(x, foo=1)
