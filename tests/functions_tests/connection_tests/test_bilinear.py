from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('bilinear'),
}))
@testing.inject_backend_tests(None, [{}])
class TestBilinear(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.bilinear)
    double_backward_cases = ('bilinear_full_float32',)


testing.run_module(__name__, __file__)
