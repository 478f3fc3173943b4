import numpy

from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('deconvolution_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolution2D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.deconvolution_2d)
    double_backward_cases = ('deconvolution_2d_groups_float64',)


testing.run_module(__name__, __file__)


def test_dilated_input_as_large_as_the_filter():
    # XLA's CPU compiler aborted the process on this shape (the stride-
    # dilated input exactly as large as the filter): it must compute, and
    # agree with the direct definition (scatter of each input pixel).
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, (1, 2, 3, 2)).astype(numpy.float64)
    W = rng.uniform(-1, 1, (2, 1, 2, 3)).astype(numpy.float64)
    y = functions.deconvolution_2d(x, W, stride=2, pad=1)
    full = numpy.zeros((1, 1, 2 * 2 + 2, 2 * 1 + 3))
    for i in range(3):
        for j in range(2):
            full[0, :, 2 * i:2 * i + 2, 2 * j:2 * j + 3] += numpy.einsum(
                'c,cohw->ohw', x[0, :, i, j], W)
    numpy.testing.assert_allclose(numpy.asarray(y.array),
                                  full[:, :, 1:-1, 1:-1], rtol=1e-12)
