from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('unpooling_nd1'),
}))
@testing.inject_backend_tests(None, [{}])
class TestUnpooling1D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.unpooling_1d)
    double_backward_cases = ('unpooling_nd1_k3s2p1_float64',)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('unpooling_nd3'),
}))
@testing.inject_backend_tests(None, [{}])
class TestUnpooling3D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.unpooling_3d)


def test_unpooling_nd_is_2d():
    import numpy
    inputs, kwargs, y, _, _ = FIXTURES.case('unpooling_2d_outsize_float64')
    numpy.testing.assert_allclose(
        functions.unpooling_nd(*inputs, **kwargs).array, y)


testing.run_module(__name__, __file__)
