import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'axis': 2, 'start': 0},
    {'axis': 0, 'start': 3},
    {'axis': -1, 'start': -2},
)
@testing.inject_backend_tests(None, [{}])
class TestRollaxis(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.rollaxis(inputs[0], self.axis, self.start),

    def forward_expected(self, inputs):
        return numpy.rollaxis(inputs[0], self.axis, self.start),


class TestRollaxisErrors(object):

    def test_types(self):
        x = numpy.zeros((2, 3), numpy.float32)
        with pytest.raises(TypeError):
            functions.rollaxis(x, 0.5)
        with pytest.raises(TypeError):
            functions.rollaxis(x, 0, 'a')

    def test_range(self):
        x = numpy.zeros((2, 3), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            functions.rollaxis(x, 2)
        with pytest.raises(type_check.InvalidType):
            functions.rollaxis(x, 0, 3)


testing.run_module(__name__, __file__)
