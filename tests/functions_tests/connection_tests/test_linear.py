import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'x_shape,n_batch_axes': [
        ((4, 3), 1),
        ((4, 3, 2), 1),      # the non-batch axes are flattened
        ((2, 2, 3), 2),
    ],
    'nobias': [True, False],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
class TestLinear(testing.FunctionTestCase):

    out_size = 2

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
            self.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}
            self.check_double_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_inputs(self):
        in_size = int(numpy.prod(self.x_shape[self.n_batch_axes:]))
        x = numpy.random.uniform(-1, 1, self.x_shape).astype(self.dtype)
        W = numpy.random.uniform(
            -1, 1, (self.out_size, in_size)).astype(self.dtype)
        if self.nobias:
            return x, W
        b = numpy.random.uniform(-1, 1, self.out_size).astype(self.dtype)
        return x, W, b

    def forward(self, inputs, device):
        if self.nobias:
            x, W = inputs
            b = None
        else:
            x, W, b = inputs
        y = functions.linear(x, W, b, n_batch_axes=self.n_batch_axes)
        return y,

    def forward_expected(self, inputs):
        x, W = inputs[:2]
        batch_shape = self.x_shape[:self.n_batch_axes]
        x2 = x.astype(numpy.float64).reshape(
            int(numpy.prod(batch_shape)), -1)
        y = x2.dot(W.astype(numpy.float64).T)
        if not self.nobias:
            y += inputs[2]
        y = y.reshape(batch_shape + (self.out_size,))
        return y.astype(self.dtype),


class TestLinearErrors(object):

    def test_wrong_in_size(self):
        x = numpy.zeros((4, 3), numpy.float32)
        W = numpy.zeros((2, 4), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            functions.linear(x, W)

    def test_wrong_bias_shape(self):
        x = numpy.zeros((4, 3), numpy.float32)
        W = numpy.zeros((2, 3), numpy.float32)
        b = numpy.zeros((3,), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            functions.linear(x, W, b)

    def test_non_positive_n_batch_axes(self):
        x = numpy.zeros((4, 3), numpy.float32)
        W = numpy.zeros((2, 3), numpy.float32)
        with pytest.raises(ValueError):
            functions.linear(x, W, n_batch_axes=0)


testing.run_module(__name__, __file__)
