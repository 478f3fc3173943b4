import unittest

import numpy

import chainerjax as chainer
from chainerjax import functions
from chainerjax import testing


@testing.parameterize(*testing.product({
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    None,
    # CPU; CUDA configs run on '@jax:gpu:N' when JAX sees a GPU.
    [{}, {'use_cuda': True}])
class TestReLU(testing.FunctionTestCase):

    # ReLU is not differentiable at 0: resample inputs too close to it.
    dodge_nondifferentiable = True

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_backward_options = {'atol': 5e-4, 'rtol': 5e-3}
            self.check_double_backward_options = {'atol': 5e-3, 'rtol': 5e-2}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.relu(x),

    def forward_expected(self, inputs):
        x, = inputs
        expected = x.copy()
        expected[expected < 0] = 0
        return expected,


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestReLUAtZero(unittest.TestCase):

    # Chainer's convention at the kink: the gradient at x == 0 is 0.

    def test_grad_at_zero(self):
        x = chainer.Variable(numpy.array([-1, 0, 0, 2], self.dtype))
        y = functions.relu(x)
        y.grad = numpy.ones(4, self.dtype)
        y.backward()
        assert x.grad.dtype == self.dtype
        numpy.testing.assert_array_equal(
            x.grad, numpy.array([0, 0, 0, 1], self.dtype))

    def test_double_backward_at_zero(self):
        x = chainer.Variable(numpy.array([-1, 0, 2], self.dtype))
        y = functions.relu(x)
        gx, = chainer.grad([y], [x], grad_outputs=[
            chainer.Variable(numpy.ones(3, self.dtype))],
            enable_double_backprop=True)
        numpy.testing.assert_array_equal(
            gx.array, numpy.array([0, 0, 1], self.dtype))

    def test_label(self):
        assert functions.ReLU().label == 'ReLU'


testing.run_module(__name__, __file__)
