"""chainer.links.ConvolutionND, Convolution1D and Convolution3D."""
import unittest

import jax
import numpy
import pytest

import chainerjax
import chainerjax.links as L
from chainerjax import gradient_check
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('convnd', 'conv1d', 'conv3d', 'init_convnd',
                           'init_conv1d', 'init_conv3d'),
}))
class TestConvolutionNDMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_attributes():
    link = L.ConvolutionND(2, 4, 6, (2, 3), stride=2, pad=1, dilate=2,
                           groups=2, cover_all=True)
    assert link.W.shape == (6, 2, 2, 3) and link.b.shape == (6,)
    assert link.ksize == (2, 3) and link.dilate == (2, 2)
    assert link.stride == 2 and link.pad == 1 and link.cover_all is True
    assert link.out_channels == 6 and link.groups == 2
    assert isinstance(L.Convolution1D(2, 3, 2), L.ConvolutionND)
    assert L.Convolution3D(2, 3, 2).W.shape == (3, 2, 2, 2, 2)
    assert L.ConvolutionND(1, 2, 3, 2, nobias=True).b is None


def test_short_form_is_lazy():
    for link in (L.ConvolutionND(2, 3, 2), L.ConvolutionND(2, None, 3, 2),
                 L.Convolution1D(3, 2, None)):
        assert link.W.array is None and link.out_channels == 3
        assert link.b.shape == (3,)
    link = L.ConvolutionND(1, 3, 2)
    link(numpy.ones((1, 2, 5), numpy.float32))
    assert link.W.shape == (3, 2, 2)


def test_from_params():
    W = numpy.random.uniform(-1, 1, (4, 1, 2, 3)).astype(numpy.float32)
    b = numpy.ones(4, numpy.float32)
    link = L.ConvolutionND.from_params(W, b, stride=2, groups=2,
                                       cover_all=True)
    assert link.ksize == (2, 3) and link.groups == 2 and link.cover_all
    assert link.stride == 2
    numpy.testing.assert_array_equal(link.W.array, W)
    numpy.testing.assert_array_equal(link.b.array, b)
    with pytest.raises(ValueError):
        L.ConvolutionND.from_params(W, numpy.ones(3, numpy.float32))
    with pytest.raises(TypeError):
        L.ConvolutionND.from_params(W, foo=1)


def test_errors():
    with pytest.raises(ValueError):
        L.ConvolutionND(2, 3, 4, 2, groups=2)
    with pytest.raises(ValueError):
        L.ConvolutionND(2, 4, 3, 2, groups=2)
    with pytest.raises(ValueError):   # found at the first forward
        L.ConvolutionND(1, 4, 2, groups=2)(numpy.ones((1, 3, 4),
                                                      numpy.float32))
    with pytest.raises(AssertionError):
        L.ConvolutionND(2, 2, 3, (1, 2, 3))
    with pytest.raises(TypeError):
        L.Convolution1D(3, 4)


def test_numerical_backward():
    with chainerjax.using_config('dtype', numpy.float64):
        link = L.Convolution1D(2, 3, 2, stride=2, pad=1, initial_bias=0.5)
    x = numpy.random.uniform(-1, 1, (2, 2, 5))
    gy = numpy.random.uniform(-1, 1, (2, 3, 3))
    gradient_check.check_backward(link, x, gy, (link.W, link.b),
                                  atol=1e-6, rtol=1e-5)


def test_lazy_on_jax_device():
    link = L.ConvolutionND(1, 3, 2).to_device('@jax:cpu:0')
    x = jax.device_put(numpy.ones((1, 2, 5), numpy.float32))
    y = link(x)
    assert isinstance(link.W.array, jax.Array)
    assert isinstance(y.array, jax.Array) and y.shape == (1, 3, 4)
