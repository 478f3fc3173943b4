import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'lengths': [3, 3, 1, 0]},
    {'lengths': [2]},
)
@testing.inject_backend_tests(None, [{}])
class TestTransposeSequence(testing.FunctionTestCase):

    def generate_inputs(self):
        return tuple(numpy.random.uniform(-1, 1, (n, 2)).astype(numpy.float32)
                     for n in self.lengths)

    def forward(self, inputs, device):
        return functions.transpose_sequence(inputs)

    def forward_expected(self, inputs):
        return tuple(numpy.stack([x[t] for x in inputs if len(x) > t])
                     for t in range(len(inputs[0])))


class TestTransposeSequenceMisc(object):

    def test_empty(self):
        assert functions.transpose_sequence([]) == ()

    def test_unsorted(self):
        with pytest.raises(type_check.InvalidType):
            functions.transpose_sequence(
                [numpy.zeros((1, 2), numpy.float32),
                 numpy.zeros((2, 2), numpy.float32)])


testing.run_module(__name__, __file__)
