import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _sample_ref(x, grid):
    # Bilinear interpolation with zeros outside the image, pixel by pixel.
    B, C, H, W = x.shape
    _, _, oh, ow = grid.shape
    y = numpy.zeros((B, C, oh, ow), numpy.float64)

    def pixel(b, yy, xx):
        if 0 <= yy < H and 0 <= xx < W:
            return x[b, :, yy, xx].astype(numpy.float64)
        return numpy.zeros(C)

    for b in range(B):
        for i in range(oh):
            for j in range(ow):
                u = (grid[b, 0, i, j] + 1) * (W - 1) / 2
                v = (grid[b, 1, i, j] + 1) * (H - 1) / 2
                u = min(max(u, -1.), float(W))
                v = min(max(v, -1.), float(H))
                u0, v0 = int(numpy.floor(u)), int(numpy.floor(v))
                du, dv = u - u0, v - v0
                y[b, :, i, j] = (
                    (1 - du) * (1 - dv) * pixel(b, v0, u0) +
                    du * (1 - dv) * pixel(b, v0, u0 + 1) +
                    (1 - du) * dv * pixel(b, v0 + 1, u0) +
                    du * dv * pixel(b, v0 + 1, u0 + 1))
    return y.astype(x.dtype)


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestSpatialTransformerSampler(testing.FunctionTestCase):

    # Grid points near pixel centres are points of non-differentiability.
    dodge_nondifferentiable = True

    def setUp(self):
        if self.dtype == numpy.float16:
            # Forward only: float16 numerical gradients of this sampler are
            # too noisy to be worth their time (float32/64 check them).
            self.check_forward_options = {'atol': 1e-2, 'rtol': 1e-2}
            self.skip_backward_test = True
            self.skip_double_backward_test = True
        else:
            self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-3}
            self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-3}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, (2, 2, 3, 4)).astype(self.dtype)
        # Some points fall outside the image.
        grid = numpy.random.uniform(-1.3, 1.3, (2, 2, 2, 3)).astype(
            self.dtype)
        return x, grid

    def forward(self, inputs, device):
        x, grid = inputs
        return functions.spatial_transformer_sampler(x, grid),

    def forward_expected(self, inputs):
        x, grid = inputs
        return _sample_ref(x, grid),


class TestSpatialTransformerSamplerErrors(object):

    def test_grid_shape(self):
        with pytest.raises(type_check.InvalidType):
            functions.spatial_transformer_sampler(
                numpy.zeros((2, 1, 3, 3), numpy.float32),
                numpy.zeros((2, 3, 3, 3), numpy.float32))

    def test_dtype_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.spatial_transformer_sampler(
                numpy.zeros((2, 1, 3, 3), numpy.float32),
                numpy.zeros((2, 2, 3, 3), numpy.float64))


testing.run_module(__name__, __file__)
