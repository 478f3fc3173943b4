import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _depth2space_ref(x, r):
    # y[b, c, i * r + p, j * r + q] = x[b, (p * r + q) * C + c, i, j]
    n, crr, h, w = x.shape
    c = crr // (r * r)
    y = numpy.empty((n, c, h * r, w * r), x.dtype)
    for p in range(r):
        for q in range(r):
            y[:, :, p::r, q::r] = x[:, (p * r + q) * c:(p * r + q + 1) * c]
    return y


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestDepth2Space(testing.FunctionTestCase):

    r = 2

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 12, 2, 3)).astype(self.dtype),

    def forward(self, inputs, device):
        return functions.depth2space(inputs[0], self.r),

    def forward_expected(self, inputs):
        return _depth2space_ref(inputs[0], self.r),


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.depth2space(numpy.zeros((2, 4, 3), numpy.float32), 2)


testing.run_module(__name__, __file__)
