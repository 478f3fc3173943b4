import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestSpatialTransformerGrid(testing.FunctionTestCase):

    output_shape = (3, 4)

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-2, 'rtol': 1e-2}
            self.check_backward_options = {'atol': 1e-2, 'rtol': 1e-2}
            self.check_double_backward_options = {'atol': 1e-2, 'rtol': 1e-2}

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 2, 3)).astype(self.dtype),

    def forward(self, inputs, device):
        return functions.spatial_transformer_grid(
            inputs[0], self.output_shape),

    def forward_expected(self, inputs):
        theta, = inputs
        H, W = self.output_shape
        grid = numpy.empty((2, 2, H, W), numpy.float64)
        for i, y in enumerate(numpy.linspace(-1, 1, H)):
            for j, x in enumerate(numpy.linspace(-1, 1, W)):
                grid[:, :, i, j] = theta.astype(numpy.float64).dot([x, y, 1])
        return grid.astype(self.dtype),


class TestSpatialTransformerGridErrors(object):

    def test_shape(self):
        with pytest.raises(type_check.InvalidType):
            functions.spatial_transformer_grid(
                numpy.zeros((2, 3, 3), numpy.float32), (2, 2))

    def test_use_cudnn(self):
        with pytest.raises(ValueError):
            functions.spatial_transformer_grid(
                numpy.zeros((2, 2, 3), numpy.float32), (2, 2),
                use_cudnn='always')


testing.run_module(__name__, __file__)
