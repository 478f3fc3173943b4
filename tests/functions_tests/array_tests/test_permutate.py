import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'axis': 0, 'inv': False},
    {'axis': 1, 'inv': True},
    {'axis': -1, 'inv': False},
)
@testing.inject_backend_tests(None, [{}])
class TestPermutate(testing.FunctionTestCase):

    shape = (3, 3)

    def setUp(self):
        self.indices = numpy.random.permutation(3).astype(numpy.int32)

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.permutate(
            inputs[0], device.send(self.indices), self.axis, self.inv),

    def forward_expected(self, inputs):
        x, = inputs
        indices = self.indices
        if self.inv:
            indices = numpy.argsort(indices)
        # As in Chainer, a negative axis permutes axis 0.
        axis = max(self.axis, 0)
        return numpy.take(x, indices, axis),


class TestPermutateErrors(object):

    def test_indices_not_int(self):
        with pytest.raises(ValueError):
            functions.permutate(numpy.zeros((2,), numpy.float32),
                                numpy.array([0., 1.]))

    def test_indices_not_1d(self):
        with pytest.raises(ValueError):
            functions.permutate(numpy.zeros((2,), numpy.float32),
                                numpy.zeros((1, 2), numpy.int32))

    def test_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.permutate(numpy.zeros((2,), numpy.float32),
                                numpy.array([1, 0], numpy.int32), 1)

    def test_invalid_indices_in_debug(self):
        x = numpy.zeros((3,), numpy.float32)
        with chainerjax.using_config('debug', True):
            with pytest.raises(ValueError):
                functions.permutate(x, numpy.array([0, 0, 1], numpy.int32))
            with pytest.raises(ValueError):
                functions.permutate(x, numpy.array([0, 3, 1], numpy.int32))

    def test_variable_indices(self):
        x = numpy.arange(3, dtype=numpy.float32)
        i = chainerjax.Variable(numpy.array([2, 0, 1], numpy.int32))
        numpy.testing.assert_array_equal(
            functions.permutate(x, i).array, [2, 0, 1])


testing.run_module(__name__, __file__)
