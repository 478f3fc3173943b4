from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('dilated_convolution_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestDilatedConvolution2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.dilated_convolution_2d)
    double_backward_cases = ('dilated_convolution_2d_opts_float64',)


testing.run_module(__name__, __file__)
