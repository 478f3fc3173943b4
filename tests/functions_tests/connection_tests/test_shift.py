from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('shift'),
}))
@testing.inject_backend_tests(None, [{}])
class TestShift(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.shift)
    double_backward_cases = ('shift_opts_float64',)


testing.run_module(__name__, __file__)
