import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'axis': 0}, {'axis': 1}, {'axis': -1},
)
@testing.inject_backend_tests(None, [{}])
class TestSeparate(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32),

    def forward(self, inputs, device):
        ys = functions.separate(inputs[0], self.axis)
        assert isinstance(ys, tuple)
        return ys

    def forward_expected(self, inputs):
        x, = inputs
        return tuple(numpy.ascontiguousarray(numpy.take(x, i, self.axis))
                     for i in range(x.shape[self.axis]))


def test_invalid_axis():
    with pytest.raises(type_check.InvalidType):
        functions.separate(numpy.zeros((2, 3), numpy.float32), 2)


testing.run_module(__name__, __file__)
