import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'lengths': [3, 1, 2], 'length': None, 'padding': 0},
    {'lengths': [3, 1, 2], 'length': 4, 'padding': -1.5},
    {'lengths': [2, 2], 'length': None, 'padding': 1},
)
@testing.inject_backend_tests(None, [{}])
class TestPadSequence(testing.FunctionTestCase):

    def generate_inputs(self):
        return tuple(numpy.random.uniform(-1, 1, (n, 2)).astype(numpy.float32)
                     for n in self.lengths)

    def forward(self, inputs, device):
        return functions.pad_sequence(inputs, self.length, self.padding),

    def forward_expected(self, inputs):
        length = self.length or max(self.lengths)
        y = numpy.full((len(inputs), length, 2), self.padding, numpy.float32)
        for i, x in enumerate(inputs):
            y[i, :len(x)] = x
        return y,


def test_too_long():
    with pytest.raises(type_check.InvalidType):
        functions.pad_sequence([numpy.zeros((3, 2), numpy.float32)], 2)


testing.run_module(__name__, __file__)
