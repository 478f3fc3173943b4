import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _resize_ref(x, out_shape, mode, align_corners):
    # Pixel by pixel from the definition of Chainer's sampling positions.
    n, c, h, w = x.shape
    oh, ow = out_shape
    y = numpy.zeros((n, c, oh, ow), numpy.float64)
    for i in range(oh):
        for j in range(ow):
            if mode == 'nearest':
                v = min(int(numpy.floor(i * h / oh)), h - 1)
                u = min(int(numpy.floor(j * w / ow)), w - 1)
                y[:, :, i, j] = x[:, :, v, u]
                continue
            if align_corners:
                fv = i * (h - 1) / (oh - 1) if oh > 1 else 0.
                fu = j * (w - 1) / (ow - 1) if ow > 1 else 0.
            else:
                fv = max((i + 0.5) * h / oh - 0.5, 0.)
                fu = max((j + 0.5) * w / ow - 0.5, 0.)
            v0, u0 = int(fv), int(fu)
            dv, du = fv - v0, fu - u0
            v1, u1 = min(v0 + 1, h - 1), min(u0 + 1, w - 1)
            y[:, :, i, j] = (
                (1 - dv) * (1 - du) * x[:, :, v0, u0] +
                (1 - dv) * du * x[:, :, v0, u1] +
                dv * (1 - du) * x[:, :, v1, u0] + dv * du * x[:, :, v1, u1])
    return y.astype(x.dtype)


@testing.parameterize(
    {'out_shape': (5, 7), 'mode': 'bilinear', 'align_corners': True},
    {'out_shape': (2, 3), 'mode': 'bilinear', 'align_corners': False},
    {'out_shape': (5, 7), 'mode': 'nearest', 'align_corners': True},
)
@testing.inject_backend_tests(None, [{}])
class TestResizeImages(testing.FunctionTestCase):

    def setUp(self):
        self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-3}
        self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-3}

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (1, 2, 3, 4)).astype(
            numpy.float32),

    def forward(self, inputs, device):
        return functions.resize_images(
            inputs[0], self.out_shape, mode=self.mode,
            align_corners=self.align_corners),

    def forward_expected(self, inputs):
        return _resize_ref(inputs[0], self.out_shape, self.mode,
                           self.align_corners),


class TestResizeImagesErrors(object):

    def test_float32_only(self):
        with pytest.raises(type_check.InvalidType):
            functions.resize_images(numpy.zeros((1, 1, 2, 2), numpy.float64),
                                    (3, 3))

    def test_bad_mode(self):
        with pytest.raises(AssertionError):
            functions.resize_images(numpy.zeros((1, 1, 2, 2), numpy.float32),
                                    (3, 3), mode='cubic')

    def test_keyword_only(self):
        with pytest.raises(TypeError):
            functions.resize_images(numpy.zeros((1, 1, 2, 2), numpy.float32),
                                    (3, 3), 'nearest')


testing.run_module(__name__, __file__)
