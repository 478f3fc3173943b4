import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('deconvolution_nd1'),
}))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolution1D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.deconvolution_1d)
    double_backward_cases = ('deconvolution_nd1_groups_float64',)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('deconvolution_nd3'),
}))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolution3D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.deconvolution_3d)
    double_backward_cases = ('deconvolution_nd3_opts_float64',)


def test_deconvolution_nd_matches_2d():
    inputs, kwargs, y, _, _ = FIXTURES.case(
        'deconvolution_2d_outsize_float64')
    out = functions.deconvolution_nd(*inputs, **kwargs)
    numpy.testing.assert_allclose(out.array, y, atol=1e-12, rtol=1e-10)


def test_outsize_out_of_range():
    x = numpy.zeros((1, 2, 3), numpy.float32)
    W = numpy.zeros((2, 1, 3), numpy.float32)
    # stride 2: the outsizes 7 and 8 map back to length 3; 9 does not.
    assert functions.deconvolution_1d(x, W, stride=2, outsize=(8,)).shape \
        == (1, 1, 8)
    with pytest.raises(type_check.InvalidType):
        functions.deconvolution_1d(x, W, stride=2, outsize=(9,))


def test_wrong_ndim():
    x = numpy.zeros((1, 2, 4, 4), numpy.float32)
    W = numpy.zeros((2, 1, 2, 2), numpy.float32)
    with pytest.raises(ValueError):
        functions.deconvolution_1d(x, W)


testing.run_module(__name__, __file__)
