"""chainer.links.DeconvolutionND, Deconvolution1D and Deconvolution3D."""
import unittest

import numpy
import pytest

import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('deconvnd', 'deconv1d', 'deconv3d',
                           'init_deconvnd', 'init_deconv3d'),
}))
class TestDeconvolutionNDMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_attributes():
    link = L.DeconvolutionND(2, 4, 6, (2, 3), stride=2, pad=1, dilate=2,
                             groups=2, outsize=(5, 5))
    assert link.W.shape == (4, 3, 2, 3) and link.b.shape == (6,)
    assert link.ksize == (2, 3) and link.dilate == (2, 2)
    assert link.stride == 2 and link.pad == 1 and link.outsize == (5, 5)
    assert isinstance(L.Deconvolution1D(2, 3, 2), L.DeconvolutionND)
    assert L.Deconvolution3D(2, 3, 2).W.shape == (2, 3, 2, 2, 2)
    assert L.DeconvolutionND(1, 2, 3, 2, nobias=True).b is None


def test_short_form_is_lazy():
    link = L.DeconvolutionND(1, 3, 2)
    assert link.W.array is None and link.b.shape == (3,)
    assert link(numpy.ones((1, 2, 3), numpy.float32)).shape == (1, 3, 4)
    assert link.W.shape == (2, 3, 2)


def test_errors():
    with pytest.raises(ValueError):
        L.DeconvolutionND(2, 3, 4, 2, groups=2)
    with pytest.raises(ValueError):
        L.DeconvolutionND(2, 4, 3, 2, groups=2)
    with pytest.raises(TypeError):
        L.Deconvolution3D(3, 4)
