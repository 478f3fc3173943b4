import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'shape': (3,)}, {'shape': (2, 3, 4)},
)
@testing.inject_backend_tests(None, [{}])
class TestFlipUD(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.flipud(inputs[0]),

    def forward_expected(self, inputs):
        return numpy.flipud(inputs[0]),


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.flipud(numpy.zeros((), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.flipud(numpy.zeros((3,), numpy.int32))


testing.run_module(__name__, __file__)
