import numpy
import pytest

from chainerjax import functions
from chainerjax import testing


@testing.parameterize(
    {'shape': (2, 3), 'reps': 2},
    {'shape': (2, 3), 'reps': (2, 1, 3)},
    {'shape': (2, 1, 3), 'reps': (2, 0)},
    {'shape': (), 'reps': (2,)},
)
@testing.inject_backend_tests(None, [{}])
class TestTile(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.tile(inputs[0], self.reps),

    def forward_expected(self, inputs):
        return numpy.tile(inputs[0], self.reps),


class TestTileErrors(object):

    def test_type(self):
        with pytest.raises(TypeError):
            functions.tile(numpy.zeros((2,), numpy.float32), [1, 2])

    def test_negative(self):
        with pytest.raises(ValueError):
            functions.tile(numpy.zeros((2,), numpy.float32), -1)


testing.run_module(__name__, __file__)
