import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'axis': None}, {'axis': 0}, {'axis': (0, -1)}, {'axis': -1},
)
@testing.inject_backend_tests(None, [{}])
class TestSqueeze(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (1, 3, 1)).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.squeeze(inputs[0], self.axis),

    def forward_expected(self, inputs):
        return numpy.squeeze(inputs[0], self.axis),


class TestSqueezeErrors(object):

    def test_axis_type(self):
        with pytest.raises(TypeError):
            functions.squeeze(numpy.zeros((1, 2), numpy.float32), 0.5)

    def test_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.squeeze(numpy.zeros((1, 2), numpy.float32), 2)

    def test_not_one(self):
        with pytest.raises(ValueError):
            functions.squeeze(numpy.zeros((1, 2), numpy.float32), 1)


testing.run_module(__name__, __file__)
