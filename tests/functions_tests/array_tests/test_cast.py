import numpy

import chainerjax
from chainerjax import functions
from chainerjax import testing


@testing.parameterize(*testing.product({
    'in_type': [numpy.float16, numpy.float32, numpy.float64],
    'out_type': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestCast(testing.FunctionTestCase):

    def setUp(self):
        if numpy.float16 in (self.in_type, self.out_type):
            # float16 rounding: a power-of-two step keeps the numerical
            # gradient accurate.
            opts = {'eps': 2.0 ** -2, 'atol': 1e-2, 'rtol': 1e-2}
            self.check_backward_options = opts
            self.check_double_backward_options = opts
        elif numpy.float32 in (self.in_type, self.out_type):
            # float32 outputs round the finite differences (eps=1e-3) to
            # about 1e-4 relative.
            opts = {'atol': 1e-3, 'rtol': 1e-3}
            self.check_backward_options = opts
            self.check_double_backward_options = opts

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3)).astype(self.in_type),

    def forward(self, inputs, device):
        return functions.cast(inputs[0], self.out_type),

    def forward_expected(self, inputs):
        return inputs[0].astype(self.out_type),


class TestCastMisc(object):

    def test_grad_dtype_is_source_dtype(self):
        x = chainerjax.Variable(numpy.ones((2,), numpy.float64))
        y = functions.cast(x, numpy.float16)
        assert y.dtype == numpy.float16
        functions.sum(y).backward()
        assert x.grad.dtype == numpy.float64

    def test_int_to_float_has_no_grad(self):
        x = chainerjax.Variable(numpy.arange(3, dtype=numpy.int32))
        y = functions.cast(x, 'float32')
        assert y.dtype == numpy.float32

    def test_same_type_without_backprop(self):
        x = numpy.ones((2,), numpy.float32)
        with chainerjax.no_backprop_mode():
            y = functions.cast(x, numpy.float32)
        assert y.creator is None
        numpy.testing.assert_array_equal(y.array, x)


testing.run_module(__name__, __file__)
