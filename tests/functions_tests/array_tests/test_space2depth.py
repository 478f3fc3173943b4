import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _space2depth_ref(x, r):
    # y[b, (p * r + q) * C + c, i, j] = x[b, c, i * r + p, j * r + q]
    n, c, hr, wr = x.shape
    y = numpy.empty((n, c * r * r, hr // r, wr // r), x.dtype)
    for p in range(r):
        for q in range(r):
            y[:, (p * r + q) * c:(p * r + q + 1) * c] = x[:, :, p::r, q::r]
    return y


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestSpace2Depth(testing.FunctionTestCase):

    r = 2

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3, 4, 6)).astype(self.dtype),

    def forward(self, inputs, device):
        return functions.space2depth(inputs[0], self.r),

    def forward_expected(self, inputs):
        return _space2depth_ref(inputs[0], self.r),


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.space2depth(numpy.zeros((2, 4, 4), numpy.float32), 2)


testing.run_module(__name__, __file__)
