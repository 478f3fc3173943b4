import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('convolution_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestConvolution2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.convolution_2d)
    double_backward_cases = ('convolution_2d_groups_float64',
                             'convolution_2d_coverall_float64')


class TestConvolution2DErrors(object):

    x = numpy.zeros((1, 4, 5, 5), numpy.float32)
    W = numpy.zeros((2, 4, 3, 3), numpy.float32)

    def test_channel_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.convolution_2d(self.x, self.W, groups=2)

    def test_bias_dtype(self):
        with pytest.raises(type_check.InvalidType):
            functions.convolution_2d(self.x, self.W,
                                     numpy.zeros(2, numpy.float64))

    def test_output_too_small(self):
        with pytest.raises(RuntimeError):
            functions.convolution_2d(self.x, self.W, pad=0, dilate=3)

    def test_bad_dilate(self):
        with pytest.raises(ValueError):
            functions.convolution_2d(self.x, self.W, dilate=0)

    def test_unexpected_kwarg(self):
        with pytest.raises(TypeError):
            functions.convolution_2d(self.x, self.W, foo=1)

    def test_deterministic(self):
        with pytest.raises(ValueError):
            functions.convolution_2d(self.x, self.W, deterministic=True)

    def test_keyword_only(self):
        # dilate and groups are keyword only
        with pytest.raises(TypeError):
            functions.convolution_2d(self.x, self.W, None, 1, 0, False, 2)


def test_mixed_weight_dtype():
    x = numpy.ones((1, 2, 3, 3), numpy.float32)
    W = numpy.ones((1, 2, 2, 2), numpy.float16)
    y = functions.convolution_2d(x, W)
    assert y.dtype == numpy.float32
    numpy.testing.assert_array_equal(y.array, numpy.full((1, 1, 2, 2), 8.))


testing.run_module(__name__, __file__)
