import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'shape': (2, 7, 3), 'ios': [2, 5], 'axis': 1},
    {'shape': (2, 7, 3), 'ios': numpy.array([0, 3, 3]), 'axis': 1},
    {'shape': (6, 2), 'ios': 3, 'axis': 0},
    {'shape': (2, 3, 4), 'ios': 2, 'axis': -1},
    {'shape': (2, 3), 'ios': [], 'axis': 1},
)
@testing.inject_backend_tests(None, [{}])
class TestSplitAxis(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return tuple(functions.split_axis(inputs[0], self.ios, self.axis))

    def forward_expected(self, inputs):
        return tuple(numpy.ascontiguousarray(y) for y in
                     numpy.split(inputs[0], self.ios, self.axis))


class TestSplitAxisMisc(object):

    def test_force_tuple(self):
        x = numpy.zeros((2, 3), numpy.float32)
        ys = functions.split_axis(x, 1, 0)
        assert isinstance(ys, tuple) and len(ys) == 1
        y = functions.split_axis(x, 1, 0, force_tuple=False)
        assert isinstance(y, chainerjax.Variable)
        ys = functions.split_axis(x, 2, 0, force_tuple=False)
        assert isinstance(ys, tuple) and len(ys) == 2

    def test_unused_output_gets_zero_grad(self):
        x = chainerjax.Variable(numpy.ones((4, 2), numpy.float32))
        y0, y1 = functions.split_axis(x, 2, 0)
        functions.sum(y0).backward()
        numpy.testing.assert_array_equal(
            x.grad, numpy.array([[1, 1], [1, 1], [0, 0], [0, 0]]))

    def test_not_divisible(self):
        with pytest.raises(type_check.InvalidType):
            functions.split_axis(numpy.zeros((5, 2), numpy.float32), 2, 0)

    def test_index_too_large(self):
        with pytest.raises(type_check.InvalidType):
            functions.split_axis(numpy.zeros((5, 2), numpy.float32), [6], 0)

    def test_bad_type(self):
        with pytest.raises(TypeError):
            functions.split_axis(numpy.zeros((4, 2), numpy.float32), 1.5, 0)
        with pytest.raises(TypeError):
            functions.split_axis(numpy.zeros((4, 2), numpy.float32),
                                 numpy.array([1.5, 2.5]), 0)

    def test_unsorted_in_debug(self):
        with chainerjax.using_config('debug', True):
            with pytest.raises(ValueError):
                functions.split_axis(
                    numpy.zeros((4, 2), numpy.float32), [3, 1], 0)


testing.run_module(__name__, __file__)
