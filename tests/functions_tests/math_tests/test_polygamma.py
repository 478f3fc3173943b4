import numpy
import pytest

from chainerjax import functions
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('dtype', ['float16', 'float32', 'float64'])
def test_polygamma_matches_chainer(dtype):
    # Inputs, outputs and gradients recorded from Chainer 7.8.1 + SciPy.
    case = fixtures.load('polygamma_' + dtype)
    f = functions.polygamma
    xs = case.inputs()
    y = f(*xs)
    assert y.dtype == numpy.dtype(dtype)
    assert y.shape == case['y'].shape
    numpy.testing.assert_allclose(
        y.array, case['y'], **_numgrad.tol(dtype, 1))
    gxs = _numgrad.grad_at(f, xs, [case['gy']])
    for i, gx in enumerate(gxs):
        if 'gx%d' % i in case:
            assert gx.dtype == numpy.dtype(dtype)
            numpy.testing.assert_allclose(
                gx, case['gx%d' % i], **_numgrad.tol(dtype, 1))
        else:
            assert gx is None


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_polygamma_backward(dtype):
    case = fixtures.load('polygamma_float64')
    xs = tuple(x.astype(dtype) if x.dtype.kind == 'f' else x
               for x in case.inputs())
    _numgrad.check_backward(functions.polygamma, xs,
                            double=dtype == numpy.float64)
