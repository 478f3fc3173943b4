"""chainer.links.DeformableConvolution2D."""
import unittest

import numpy
import pytest

import chainerjax.links as L
from chainerjax.links.connection import deformable_convolution_2d
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('deformable', 'init_deformable'),
}))
class TestDeformableConvolution2DMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_children():
    link = L.DeformableConvolution2D(2, 3, (2, 3), stride=2, pad=1,
                                     offset_nobias=True)
    assert isinstance(link.offset_conv, L.Convolution2D)
    assert link.offset_conv.W.shape == (12, 2, 2, 3)
    assert link.offset_conv.b is None
    sampler = link.deform_conv
    assert isinstance(
        sampler, deformable_convolution_2d.DeformableConvolution2DSampler)
    assert sampler.W.shape == (3, 2, 2, 3) and sampler.b.shape == (3,)
    assert sampler.stride == (2, 2) and sampler.pad == (1, 1)
    assert sampler.initialW is None
    numpy.testing.assert_array_equal(sampler.W.array, 0)
    lazy = L.DeformableConvolution2D(None, 3, 2, deform_nobias=True)
    assert lazy.deform_conv.W.array is None and lazy.deform_conv.b is None


def test_offset_shape_error():
    link = L.DeformableConvolution2D(2, 3, 3)
    with pytest.raises(ValueError):
        link.deform_conv(numpy.ones((1, 2, 4, 4), numpy.float32),
                         numpy.ones((1, 3, 2, 2), numpy.float32))
