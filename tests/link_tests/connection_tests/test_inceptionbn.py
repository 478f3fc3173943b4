"""chainer.links.InceptionBN."""
import unittest

import numpy
import pytest

import chainerjax
import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('inceptionbn', 'init_inceptionbn'),
}))
class TestInceptionBNMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_children():
    link = L.InceptionBN(2, 1, 2, 3, 4, 5, 'avg', proj_pool=6,
                         dtype=numpy.float64)
    assert link.out1 == 1 and link.proj_pool == 6 and link.stride == 1
    assert link.pooltype == 'avg'
    for conv, bn, size in (('conv1', 'conv1n', 1), ('proj3', 'proj3n', 2),
                           ('conv3', 'conv3n', 3), ('proj33', 'proj33n', 4),
                           ('conv33a', 'conv33an', 5),
                           ('conv33b', 'conv33bn', 5),
                           ('poolp', 'poolpn', 6)):
        assert isinstance(link[conv], L.Convolution2D)
        assert link[conv].b is None and link[conv].out_channels == size
        assert isinstance(link[bn], L.BatchNormalization)
        assert link[bn].gamma.dtype == numpy.float64
        assert link[bn].avg_mean.shape == (size,)
    small = L.InceptionBN(2, 0, 1, 1, 1, 1, 'max', stride=2)
    assert not hasattr(small, 'conv1') and not hasattr(small, 'poolp')
    assert small.conv3.stride == (2, 2) and small.conv33b.stride == (2, 2)
    assert small.conv33a.stride == (1, 1)


def test_errors():
    with pytest.raises(NotImplementedError):
        L.InceptionBN(2, 1, 1, 1, 1, 1, 'min', 1)
    with pytest.raises(AssertionError):   # the 1x1 path needs stride 1
        L.InceptionBN(2, 1, 1, 1, 1, 1, 'max', 1, stride=2)
    with pytest.raises(AssertionError):   # and a pooling projection
        L.InceptionBN(2, 1, 1, 1, 1, 1, 'max')


def test_test_mode_uses_population_statistics():
    name = 'inceptionbn_avg_stride_float64'
    link = FIXTURES.build(name)
    x = FIXTURES.get(name, 'x0')
    with chainerjax.using_config('train', False):
        y1 = link(x).array
    mean = link.proj3n.avg_mean.copy()
    link(x)   # train mode: updates avg_mean and avg_var
    assert not numpy.allclose(link.proj3n.avg_mean, mean)
    with chainerjax.using_config('train', False):
        y2 = link(x).array
    # out3 + out33 + the 2 pooled input channels (no projection)
    assert y1.shape == y2.shape == (2, 4, 3, 3)
    assert not numpy.allclose(y1, y2)
