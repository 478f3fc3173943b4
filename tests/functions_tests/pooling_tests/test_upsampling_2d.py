from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('upsampling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestUpsampling2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.upsampling_2d)
    double_backward_cases = ('upsampling_2d_k3s2p1_float64',)


testing.run_module(__name__, __file__)
