import jax
import numpy

import chainerjax
from chainerjax import backend
from chainerjax import functions
from chainerjax import testing
from chainerjax.backends import cuda


@testing.parameterize(*testing.product({
    'dst': ['@numpy', '@jax:cpu:0', -1],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestCopy(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3)).astype(self.dtype),

    def forward(self, inputs, device):
        y = functions.copy(inputs[0], self.dst)
        assert y.device == backend.get_device(self.dst)
        # Back to the test's device (the harness checks outputs there), so
        # both directions are differentiated.
        return functions.copy(y, device),

    def forward_expected(self, inputs):
        return inputs[0].copy(),


class TestCopyDevices(object):

    def test_to_jax_and_back(self):
        x = chainerjax.Variable(numpy.arange(3, dtype=numpy.float32))
        y = functions.copy(x, '@jax:cpu:0')
        assert isinstance(y.array, jax.Array)
        assert str(y.device) == '@jax:cpu:0'
        z = functions.copy(y * 2, '@numpy')
        assert isinstance(z.array, numpy.ndarray)
        functions.sum(z).backward()
        assert x.grad_var.device == x.device
        numpy.testing.assert_array_equal(x.grad, [2, 2, 2])

    def test_dummy_device(self):
        x = numpy.arange(3, dtype=numpy.float32)
        y = functions.copy(x, cuda.DummyDevice)
        assert isinstance(y.array, numpy.ndarray)

    def test_array_input(self):
        x = jax.numpy.arange(3.)
        y = functions.copy(x, -1)
        assert isinstance(y.array, numpy.ndarray)


testing.run_module(__name__, __file__)
