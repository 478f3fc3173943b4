"""Shared harness of the RoI function tests: the cases recorded from real
Chainer 7.8.1 by ``make_fixtures_roi.py`` in ``fixtures_roi.npz``."""
import os

import numpy
import pytest

import chainerjax
from chainerjax.utils import type_check
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.Fixtures(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), 'fixtures_roi.npz'))


class ROIFixtureTestCase(_fixtures.FixtureTestCase):
    """The fixture's ``x0`` is the only differentiated input; the RoIs and
    their batch indices are fixed per case. Cases whose output has
    ``-inf`` (bins without pixels or samples) or ties of a maximum get no
    numerical gradient check: their gradients are compared with
    Chainer's only."""

    fixtures = FIXTURES

    def setUp(self):
        _fixtures.FixtureTestCase.setUp(self)
        self.rois = self.fixtures.extra(self.case, 'rois')
        self.roi_indices = self.fixtures.extra(self.case, 'roi_indices')
        if not numpy.isfinite(self.y).all() or '_ties_' in self.case:
            self.skip_backward_test = True
            self.skip_double_backward_test = True

    def call(self, x):
        return self.func(x, self.rois, self.roi_indices, **self.kwargs)


def check_no_roi_gradient(func, case):
    """rois and roi_indices get no gradient, as in Chainer (on a fixture
    case, whose kernels the fixture test has compiled already)."""
    x, kwargs, _, _, _ = FIXTURES.case(case)
    x = chainerjax.Variable(x[0])
    rois = chainerjax.Variable(FIXTURES.extra(case, 'rois'))
    y = func(x, rois, FIXTURES.extra(case, 'roi_indices'), **kwargs)
    y.grad = numpy.ones(y.shape, y.dtype)
    y.backward()
    assert x.grad is not None
    assert rois.grad is None


def check_invalid_types(func, float32_only, **kwargs):
    x = numpy.zeros((2, 3, 6, 7), numpy.float32)
    rois = numpy.array([[0, 1, 4, 5], [1, 0, 3, 6]], numpy.float32)
    idx = numpy.array([1, 0], numpy.int32)
    bad = [
        (x[0], rois, idx),                              # x not 4-d
        (x, rois.astype(numpy.float64), idx),           # dtype mismatch
        (x, numpy.zeros((2, 5), numpy.float32), idx),   # (R, 5) RoIs
        (x, rois, idx.astype(numpy.int64)),             # int64 indices
        (x, rois, idx[:1]),                             # R mismatch
        (x.astype(numpy.int32), rois, idx),             # integer x
    ]
    if float32_only:
        bad.append((x.astype(numpy.float64), rois.astype(numpy.float64),
                    idx))
    for args in bad:
        with pytest.raises(type_check.InvalidType):
            func(*args, outsize=2, spatial_scale=1.0, **kwargs)


def check_invalid_options(node_class, **kwargs):
    for outsize in (0, (2, 0), 1.5, (2, -1)):
        with pytest.raises(TypeError):
            node_class(outsize, 1.0, **kwargs)
    for scale in (0, -1.0, 'a', None):
        with pytest.raises(TypeError):
            node_class(2, scale, **kwargs)
    # an integer scale is taken as a float, an int as a square outsize
    node = node_class(3, 2, **kwargs)
    assert (node.outh, node.outw) == (3, 3)
    assert type(node.spatial_scale) is float
    assert node.spatial_scale == 2.0


def check_invalid_sampling_ratio(node_class):
    for ratio in (0, (1, 0), 1.5, (2, 'a'), -1):
        with pytest.raises(TypeError):
            node_class(2, 1.0, ratio)
    assert node_class(2, 1.0, 3).sampling_ratio == (3, 3)
    assert node_class(2, 1.0, [None, 2]).sampling_ratio == (None, 2)
    assert node_class(2, 1.0).sampling_ratio == (None, None)
