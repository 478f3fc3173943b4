from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('deformable_convolution_2d_sampler'),
}))
@testing.inject_backend_tests(None, [{}])
class TestDeformableConvolution2DSampler(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.deformable_convolution_2d_sampler)
    backward_cases = ('deformable_convolution_2d_sampler_plain_float64',)
    double_backward_cases = ('deformable_convolution_2d_sampler_opts_float64',)


testing.run_module(__name__, __file__)
