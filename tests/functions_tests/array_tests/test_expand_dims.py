import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'axis': 0}, {'axis': 2}, {'axis': -1}, {'axis': -3},
)
@testing.inject_backend_tests(None, [{}])
class TestExpandDims(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.expand_dims(inputs[0], self.axis),

    def forward_expected(self, inputs):
        return numpy.expand_dims(inputs[0], self.axis),


def test_invalid_axis():
    with pytest.raises(type_check.InvalidType):
        functions.expand_dims(numpy.zeros((2, 3), numpy.float32), 3)
    with pytest.raises(type_check.InvalidType):
        functions.expand_dims(numpy.zeros((2, 3), numpy.float32), -4)


testing.run_module(__name__, __file__)
