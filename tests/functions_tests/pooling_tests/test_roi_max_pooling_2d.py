from chainerjax import functions
from chainerjax.functions.pooling import roi_max_pooling_2d
from chainerjax import testing
from tests.functions_tests.pooling_tests import _roi_fixtures


@testing.parameterize(*testing.product({
    'case': _roi_fixtures.FIXTURES.names('roi_max_pooling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestROIMaxPooling2D(_roi_fixtures.ROIFixtureTestCase):
    # The ``ties`` case checks that the gradient of a bin goes to its first
    # maximum (row-major), as in Chainer; ``edges`` and ``scaled`` have bins
    # outside of the input (-inf, no gradient).

    func = staticmethod(functions.roi_max_pooling_2d)
    backward_cases = ('roi_max_pooling_2d_inside_float64',)


def test_no_roi_gradient():
    _roi_fixtures.check_no_roi_gradient(
        functions.roi_max_pooling_2d, 'roi_max_pooling_2d_inside_float32')


def test_invalid_types():
    _roi_fixtures.check_invalid_types(functions.roi_max_pooling_2d, False)


def test_invalid_options():
    _roi_fixtures.check_invalid_options(roi_max_pooling_2d.ROIMaxPooling2D)


testing.run_module(__name__, __file__)
