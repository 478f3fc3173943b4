import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'shapes': [((2, 3), (2, 3), (2, 3)), ((2, 1), (1, 3), (2, 3)),
               ((3,), (2, 3), ())],
    'dtype': [numpy.float32],
}) + [{'shapes': ((2, 3), (2, 3), (2, 3)), 'dtype': numpy.float16},
      {'shapes': ((2, 3), (2, 3), (2, 3)), 'dtype': numpy.float64}])
@testing.inject_backend_tests(None, [{}])
class TestWhere(testing.FunctionTestCase):

    def setUp(self):
        c_shape, _, _ = self.shapes
        self.condition = numpy.random.uniform(0, 1, c_shape) > 0.5

    def generate_inputs(self):
        _, x_shape, y_shape = self.shapes
        x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        y = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        return x, y

    def forward(self, inputs, device):
        x, y = inputs
        c = device.send(self.condition)
        return functions.where(chainerjax.Variable(c), x, y),

    def forward_expected(self, inputs):
        x, y = inputs
        return numpy.asarray(numpy.where(self.condition, x, y)),


class TestWhereErrors(object):

    def test_condition_not_bool(self):
        x = numpy.zeros((2,), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            functions.where(numpy.zeros((2,), numpy.int32), x, x)

    def test_dtype_mismatch(self):
        c = numpy.zeros((2,), bool)
        with pytest.raises(type_check.InvalidType):
            functions.where(c, numpy.zeros((2,), numpy.float32),
                            numpy.zeros((2,), numpy.float64))

    def test_shape_mismatch(self):
        c = numpy.zeros((3,), bool)
        x = numpy.zeros((2,), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            functions.where(c, x, x)


testing.run_module(__name__, __file__)
