import numpy
import pytest

from chainerjax import functions
from chainerjax import testing


@testing.parameterize(
    {'shape': (2, 3), 'repeats': 2, 'axis': None},
    {'shape': (2, 3), 'repeats': (2,), 'axis': 1},
    {'shape': (2, 3), 'repeats': (1, 0, 3), 'axis': -1},
    {'shape': (2, 2), 'repeats': (1, 0, 2, 1), 'axis': None},
)
@testing.inject_backend_tests(None, [{}])
class TestRepeat(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.repeat(inputs[0], self.repeats, self.axis),

    def forward_expected(self, inputs):
        return numpy.repeat(inputs[0], self.repeats, self.axis),


class TestRepeatErrors(object):

    def test_repeats_type(self):
        with pytest.raises(TypeError):
            functions.repeat(numpy.zeros((2,), numpy.float32), [1, 2])

    def test_negative(self):
        with pytest.raises(ValueError):
            functions.repeat(numpy.zeros((2,), numpy.float32), -1)

    def test_axis_type(self):
        with pytest.raises(TypeError):
            functions.repeat(numpy.zeros((2,), numpy.float32), 1, True)


testing.run_module(__name__, __file__)
