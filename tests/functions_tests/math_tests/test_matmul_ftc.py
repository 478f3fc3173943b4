import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _t(a, trans):
    return a.swapaxes(-1, -2) if trans and a.ndim > 1 else a


@testing.parameterize(*testing.product_dict(
    [
        {'a_shape': (3, 2), 'b_shape': (2, 4), 'transa': False,
         'transb': False},
        {'a_shape': (2, 3), 'b_shape': (2, 4), 'transa': True,
         'transb': False},
        {'a_shape': (3, 2), 'b_shape': (4, 2), 'transa': False,
         'transb': True},
        {'a_shape': (2, 3, 2), 'b_shape': (2, 2, 4), 'transa': False,
         'transb': False},
        {'a_shape': (2, 3, 2), 'b_shape': (2, 4), 'transa': False,
         'transb': False},     # broadcast batch
        {'a_shape': (3, 2), 'b_shape': (2,), 'transa': False,
         'transb': False},     # matrix-vector
        {'a_shape': (2,), 'b_shape': (2, 4), 'transa': False,
         'transb': False},     # vector-matrix
    ],
    [
        {'dtype': numpy.float16},
        {'dtype': numpy.float32},
        {'dtype': numpy.float64},
    ]
))
@testing.inject_backend_tests(None, [{}])
class TestMatMul(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
            self.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}
            self.check_double_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_inputs(self):
        a = numpy.random.uniform(-1, 1, self.a_shape).astype(self.dtype)
        b = numpy.random.uniform(-1, 1, self.b_shape).astype(self.dtype)
        return a, b

    def forward(self, inputs, device):
        a, b = inputs
        return functions.matmul(a, b, transa=self.transa,
                                transb=self.transb),

    def forward_expected(self, inputs):
        a, b = inputs
        y = numpy.matmul(_t(a.astype(numpy.float64), self.transa),
                         _t(b.astype(numpy.float64), self.transb))
        return numpy.asarray(y.astype(self.dtype)),


class TestMatMulErrors(object):

    def test_shape_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.matmul(numpy.zeros((3, 2), numpy.float32),
                             numpy.zeros((3, 2), numpy.float32))

    def test_integer(self):
        with pytest.raises(type_check.InvalidType):
            functions.matmul(numpy.zeros((3, 2), numpy.int32),
                             numpy.zeros((2, 3), numpy.int32))


testing.run_module(__name__, __file__)
