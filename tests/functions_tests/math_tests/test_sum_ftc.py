import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax import utils
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'axis': [None, 0, -1, (0, 2)],
    'keepdims': [True, False],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestSum(testing.FunctionTestCase):

    shape = (3, 2, 4)

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 5e-3, 'rtol': 5e-3}
            self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-2}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.sum(x, axis=self.axis, keepdims=self.keepdims),

    def forward_expected(self, inputs):
        x, = inputs
        y = x.astype(numpy.float64).sum(axis=self.axis,
                                        keepdims=self.keepdims)
        return utils.force_array(y.astype(self.dtype)),


class TestSumErrors(object):

    def test_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.sum(numpy.zeros((2, 3), numpy.float32), axis=2)

    def test_negative_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.sum(numpy.zeros((2, 3), numpy.float32), axis=-3)

    def test_duplicate_axis(self):
        with pytest.raises(ValueError):
            functions.sum(numpy.zeros((2, 3), numpy.float32), axis=(0, 0))

    def test_invalid_axis_type(self):
        with pytest.raises(TypeError):
            functions.sum(numpy.zeros((2, 3), numpy.float32), axis=1.5)


testing.run_module(__name__, __file__)
