from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('average_pooling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestAveragePooling2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.average_pooling_2d)
    double_backward_cases = ('average_pooling_2d_k3s2p1_float64',)


def test_padding_counts_in_divisor():
    import numpy
    x = numpy.ones((1, 1, 2, 2), numpy.float32)
    y = functions.average_pooling_2d(x, 2, 1, 1)
    numpy.testing.assert_allclose(
        y.array[0, 0], [[.25, .5, .25], [.5, 1., .5], [.25, .5, .25]])


testing.run_module(__name__, __file__)
