from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('embed_id'),
}))
@testing.inject_backend_tests(None, [{}])
class TestEmbedID(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.embed_id)
    double_backward_cases = ('embed_id_ignore_float64',)


testing.run_module(__name__, __file__)
