from chainerjax import functions
from chainerjax.functions.pooling import roi_average_pooling_2d
from chainerjax import testing
from tests.functions_tests.pooling_tests import _roi_fixtures


@testing.parameterize(*testing.product({
    'case': _roi_fixtures.FIXTURES.names('roi_average_pooling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestROIAveragePooling2D(_roi_fixtures.ROIFixtureTestCase):
    # ``edges`` has bins outside of the input (0).

    func = staticmethod(functions.roi_average_pooling_2d)
    backward_cases = ('roi_average_pooling_2d_inside_float64',)


def test_no_roi_gradient():
    _roi_fixtures.check_no_roi_gradient(
        functions.roi_average_pooling_2d,
        'roi_average_pooling_2d_inside_float32')


def test_invalid_types():
    _roi_fixtures.check_invalid_types(functions.roi_average_pooling_2d,
                                      False)


def test_invalid_options():
    _roi_fixtures.check_invalid_options(
        roi_average_pooling_2d.ROIAveragePooling2D)


testing.run_module(__name__, __file__)
