import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'shape': (3, 4), 'args': (0, 0, 1)},
    {'shape': (3, 4), 'args': (-1, 1, 0)},
    {'shape': (2, 3, 4), 'args': (1, 2, 0)},
)
@testing.inject_backend_tests(None, [{}])
class TestDiagonal(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.diagonal(inputs[0], *self.args),

    def forward_expected(self, inputs):
        return numpy.ascontiguousarray(inputs[0].diagonal(*self.args)),


def test_invalid_axis():
    with pytest.raises(type_check.InvalidType):
        functions.diagonal(numpy.zeros((2, 3), numpy.float32), 0, 0, 2)


testing.run_module(__name__, __file__)
