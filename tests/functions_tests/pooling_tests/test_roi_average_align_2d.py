from chainerjax import functions
from chainerjax.functions.pooling import roi_average_align_2d
from chainerjax import testing
from tests.functions_tests.pooling_tests import _roi_fixtures


@testing.parameterize(*testing.product({
    'case': _roi_fixtures.FIXTURES.names('roi_average_align_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestROIAverageAlign2D(_roi_fixtures.ROIFixtureTestCase):
    # sampling_ratio None (per-RoI sample counts), 2 and (None, 3); the
    # edges RoIs are partly or entirely outside of the input.

    func = staticmethod(functions.roi_average_align_2d)
    backward_cases = ('roi_average_align_2d_auto_float32',
                      'roi_average_align_2d_ratio2_float32')


def test_no_roi_gradient():
    _roi_fixtures.check_no_roi_gradient(
        functions.roi_average_align_2d, 'roi_average_align_2d_auto_float32')


def test_invalid_types():
    _roi_fixtures.check_invalid_types(functions.roi_average_align_2d, True)


def test_invalid_options():
    _roi_fixtures.check_invalid_options(roi_average_align_2d.ROIAverageAlign2D)
    _roi_fixtures.check_invalid_sampling_ratio(
        roi_average_align_2d.ROIAverageAlign2D)


testing.run_module(__name__, __file__)
