import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax import utils
from chainerjax.utils import type_check


@testing.parameterize(*testing.product_dict(
    [
        {'shape': (2, 3), 'axis': 1},
        {'shape': (2, 3), 'axis': 0},
        {'shape': (2, 2, 3), 'axis': 2},
        {'shape': (2, 2, 3), 'axis': -1},
    ],
    [
        {'dtype': numpy.float16},
        {'dtype': numpy.float32},
        {'dtype': numpy.float64},
    ]
))
@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
class TestSoftmax(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-3}
            self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_double_backward_options = {'atol': 5e-3, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.softmax(x, axis=self.axis),

    def forward_expected(self, inputs):
        x, = inputs
        x64 = x.astype(numpy.float64)
        e = numpy.exp(x64 - x64.max(axis=self.axis, keepdims=True))
        y = e / e.sum(axis=self.axis, keepdims=True)
        return utils.force_array(y.astype(self.dtype)),


class TestSoftmaxDefaultAxis(object):

    def test_default_axis_is_1(self):
        x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32)
        y = functions.softmax(x).array
        numpy.testing.assert_allclose(y.sum(axis=1), numpy.ones((2, 4)),
                                      rtol=1e-6)

    def test_invalid_axis(self):
        x = numpy.zeros((2, 3), numpy.float32)
        # Chainer 7.8.1 itself raises RuntimeError here (its type check uses
        # a chained comparison of type_check expressions); InvalidType would
        # be the better error.
        with pytest.raises((type_check.InvalidType, RuntimeError)):
            functions.softmax(x, axis=2)

    def test_integer_input(self):
        # (RuntimeError in Chainer 7.8.1 too, see above.)
        with pytest.raises((type_check.InvalidType, RuntimeError)):
            functions.softmax(numpy.zeros((2, 3), numpy.int32))


testing.run_module(__name__, __file__)
