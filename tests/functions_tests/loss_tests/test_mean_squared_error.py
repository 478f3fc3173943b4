import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax import utils
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (5,), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestMeanSquaredError(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
            self.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_inputs(self):
        x0 = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        x1 = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x0, x1

    def forward(self, inputs, device):
        x0, x1 = inputs
        return functions.mean_squared_error(x0, x1),

    def forward_expected(self, inputs):
        x0, x1 = inputs
        diff = x0.astype(numpy.float64) - x1
        return utils.force_array(
            numpy.mean(diff * diff).astype(self.dtype)),


class TestMeanSquaredErrorErrors(object):

    def test_shape_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.mean_squared_error(
                numpy.zeros((3, 2), numpy.float32),
                numpy.zeros((2, 3), numpy.float32))

    def test_dtype_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.mean_squared_error(
                numpy.zeros((3, 2), numpy.float32),
                numpy.zeros((3, 2), numpy.float64))

    def test_integer(self):
        with pytest.raises(type_check.InvalidType):
            functions.mean_squared_error(
                numpy.zeros((3, 2), numpy.int32),
                numpy.zeros((3, 2), numpy.int32))


testing.run_module(__name__, __file__)
