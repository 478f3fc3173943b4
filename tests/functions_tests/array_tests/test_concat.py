import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product_dict(
    [
        {'shapes': [(2, 7, 3), (2, 4, 3)], 'axis': 1},
        {'shapes': [(2, 3), (4, 3), (1, 3)], 'axis': 0},
        {'shapes': [(2, 3, 2), (2, 3, 1)], 'axis': -1},
        {'shapes': [(3,), (4,)], 'axis': 0},
    ],
    [
        {'dtype': numpy.float16},
        {'dtype': numpy.float32},
        {'dtype': numpy.float64},
    ],
))
@testing.inject_backend_tests(None, [{}])
class TestConcat(testing.FunctionTestCase):

    def generate_inputs(self):
        return tuple([
            numpy.random.uniform(-1, 1, shape).astype(self.dtype)
            for shape in self.shapes])

    def forward(self, inputs, device):
        return functions.concat(inputs, self.axis),

    def forward_expected(self, inputs):
        return numpy.concatenate(inputs, self.axis),


class TestConcatErrors(object):

    def test_shape_mismatch(self):
        xs = [numpy.zeros((2, 3), numpy.float32),
              numpy.zeros((3, 2), numpy.float32)]
        with pytest.raises(type_check.InvalidType):
            functions.concat(xs, axis=0)

    def test_dtype_mismatch(self):
        xs = [numpy.zeros((2, 3), numpy.float32),
              numpy.zeros((2, 3), numpy.float64)]
        with pytest.raises(type_check.InvalidType):
            functions.concat(xs, axis=0)

    def test_default_axis_is_1(self):
        xs = [numpy.zeros((2, 3), numpy.float32),
              numpy.ones((2, 1), numpy.float32)]
        assert functions.concat(xs).shape == (2, 4)


testing.run_module(__name__, __file__)
