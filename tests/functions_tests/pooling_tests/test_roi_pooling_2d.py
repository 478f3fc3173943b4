from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('roi_pooling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestROIPooling2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.roi_pooling_2d)

    def setUp(self):
        _fixtures.FixtureTestCase.setUp(self)
        # the RoI coordinates are rounded: no gradient checks w.r.t. them
        self.skip_backward_test = True
        self.skip_double_backward_test = True


testing.run_module(__name__, __file__)
