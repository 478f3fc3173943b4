import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _outsize(size, k, s, p, cover_all, d):
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


def _im2col_ref(x, k, s, p, cover_all, d):
    # Element by element from the definition.
    n, c, h, w = x.shape
    out_h = _outsize(h, k[0], s[0], p[0], cover_all, d[0])
    out_w = _outsize(w, k[1], s[1], p[1], cover_all, d[1])
    y = numpy.zeros((n, c, k[0], k[1], out_h, out_w), x.dtype)
    for ky in range(k[0]):
        for kx in range(k[1]):
            for i in range(out_h):
                for j in range(out_w):
                    yy = i * s[0] + ky * d[0] - p[0]
                    xx = j * s[1] + kx * d[1] - p[1]
                    if 0 <= yy < h and 0 <= xx < w:
                        y[:, :, ky, kx, i, j] = x[:, :, yy, xx]
    return y.reshape(n, c * k[0] * k[1], out_h, out_w)


def _pair(v):
    return v if isinstance(v, tuple) else (v, v)


@testing.parameterize(*testing.product({
    'params': [
        (2, 1, 0, False, 1),
        (3, 2, 1, True, 1),
        ((2, 3), (1, 2), (1, 0), False, (2, 1)),
    ],
    'dtype': [numpy.float32],
}) + [{'params': (2, 1, 0, False, 1), 'dtype': numpy.float16},
      {'params': (2, 1, 0, False, 1), 'dtype': numpy.float64}])
@testing.inject_backend_tests(None, [{}])
class TestIm2Col(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_backward_options = {'atol': 5e-3, 'rtol': 5e-3}
            self.check_double_backward_options = {'atol': 5e-3,
                                                  'rtol': 5e-3}

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 2, 4, 5)).astype(self.dtype),

    def forward(self, inputs, device):
        k, s, p, cover_all, d = self.params
        return functions.im2col(inputs[0], k, s, p, cover_all, d),

    def forward_expected(self, inputs):
        k, s, p, cover_all, d = self.params
        return _im2col_ref(inputs[0], _pair(k), _pair(s), _pair(p),
                           cover_all, _pair(d)),


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.im2col(numpy.zeros((2, 3, 4), numpy.float32), 2)


testing.run_module(__name__, __file__)
