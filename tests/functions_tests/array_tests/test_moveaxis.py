import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'source': 0, 'destination': -1},
    {'source': (0, 2), 'destination': (2, 0)},
    {'source': (-1, 0), 'destination': (1, 2)},
)
@testing.inject_backend_tests(None, [{}])
class TestMoveaxis(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.moveaxis(inputs[0], self.source, self.destination),

    def forward_expected(self, inputs):
        return numpy.moveaxis(inputs[0], self.source, self.destination),


class TestMoveaxisErrors(object):

    def test_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.moveaxis(numpy.zeros((2, 3), numpy.float32), 2, 0)

    def test_not_float(self):
        with pytest.raises(type_check.InvalidType):
            functions.moveaxis(numpy.zeros((2, 3), numpy.int32), 0, 1)

    def test_duplicate(self):
        with pytest.raises(ValueError):
            functions.moveaxis(numpy.zeros((2, 3, 4), numpy.float32),
                               (0, 0), (1, 2))

    def test_length_mismatch(self):
        with pytest.raises(ValueError):
            functions.moveaxis(numpy.zeros((2, 3, 4), numpy.float32),
                               (0, 1), (1,))


testing.run_module(__name__, __file__)
