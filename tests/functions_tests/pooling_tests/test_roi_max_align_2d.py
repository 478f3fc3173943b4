import jax
import numpy

from chainerjax import functions
from chainerjax.functions.pooling import roi_max_align_2d
from chainerjax import testing
from tests.functions_tests.pooling_tests import _roi_fixtures


@testing.parameterize(*testing.product({
    'case': _roi_fixtures.FIXTURES.names('roi_max_align_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestROIMaxAlign2D(_roi_fixtures.ROIFixtureTestCase):
    # sampling_ratio None (per-RoI sample counts), 2 and (None, 3); the
    # edges RoIs are partly or entirely outside of the input.

    func = staticmethod(functions.roi_max_align_2d)
    backward_cases = ('roi_max_align_2d_auto_float32',)


def test_traced_rois():
    # Under jit the RoIs are unknown: with sampling_ratio=None the kernel
    # takes every sample that can fall inside the input (the code is shared
    # with roi_average_align_2d).
    name = 'roi_max_align_2d_autoedges_float32'
    x, kwargs, y, _, _ = _roi_fixtures.FIXTURES.case(name)
    rois = _roi_fixtures.FIXTURES.extra(name, 'rois')
    idx = _roi_fixtures.FIXTURES.extra(name, 'roi_indices')
    f = jax.jit(lambda x, r: functions.roi_max_align_2d(
        x, r, idx, **kwargs).array)
    numpy.testing.assert_allclose(numpy.asarray(f(x[0], rois)), y,
                                  atol=1e-5, rtol=1e-4)


def test_no_roi_gradient():
    _roi_fixtures.check_no_roi_gradient(
        functions.roi_max_align_2d, 'roi_max_align_2d_auto_float32')


def test_invalid_types():
    _roi_fixtures.check_invalid_types(functions.roi_max_align_2d, True)


def test_invalid_options():
    _roi_fixtures.check_invalid_options(roi_max_align_2d.ROIMaxAlign2D)
    _roi_fixtures.check_invalid_sampling_ratio(
        roi_max_align_2d.ROIMaxAlign2D)


testing.run_module(__name__, __file__)
