import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'axis': [0, 1, -1],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestFlip(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3, 4)).astype(self.dtype),

    def forward(self, inputs, device):
        return functions.flip(inputs[0], self.axis),

    def forward_expected(self, inputs):
        return numpy.flip(inputs[0], self.axis),


class TestFlipErrors(object):

    def test_axis_type(self):
        with pytest.raises(TypeError):
            functions.flip(numpy.zeros((2,), numpy.float32), 0.5)

    def test_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.flip(numpy.zeros((2, 3), numpy.float32), 2)
        with pytest.raises(type_check.InvalidType):
            functions.flip(numpy.zeros((2, 3), numpy.float32), -3)


testing.run_module(__name__, __file__)
