from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('spatial_pyramid_pooling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestSpatialPyramidPooling2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.spatial_pyramid_pooling_2d)
    backward_cases = ('spatial_pyramid_pooling_2d_h2_float64',)
    double_backward_cases = ('spatial_pyramid_pooling_2d_h2_float64',)


def test_pooling_must_be_max():
    import numpy
    import pytest
    x = numpy.zeros((1, 1, 4, 4), numpy.float32)
    with pytest.raises(ValueError):
        functions.spatial_pyramid_pooling_2d(x, 2)
    with pytest.raises(ValueError):
        functions.spatial_pyramid_pooling_2d(x, 2, 'average')


testing.run_module(__name__, __file__)
