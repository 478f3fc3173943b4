import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('convolution_nd1'),
}))
@testing.inject_backend_tests(None, [{}])
class TestConvolution1D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.convolution_1d)
    double_backward_cases = ('convolution_nd1_groups_float64',)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('convolution_nd3'),
}))
@testing.inject_backend_tests(None, [{}])
class TestConvolution3D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.convolution_3d)
    double_backward_cases = ('convolution_nd3_opts_float64',)


def test_convolution_nd_matches_2d():
    inputs, kwargs, y, _, _ = FIXTURES.case('convolution_2d_groups_float64')
    out = functions.convolution_nd(*inputs, **kwargs)
    numpy.testing.assert_allclose(out.array, y, atol=1e-12, rtol=1e-10)


def test_wrong_ndim():
    x = numpy.zeros((1, 2, 4, 4), numpy.float32)
    W = numpy.zeros((1, 2, 2, 2), numpy.float32)
    with pytest.raises(ValueError):
        functions.convolution_1d(x, W)
    with pytest.raises(ValueError):
        functions.convolution_3d(x, W)


testing.run_module(__name__, __file__)
