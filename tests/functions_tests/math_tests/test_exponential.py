import unittest

import numpy

from chainerjax import functions
from chainerjax import testing
from chainerjax import utils


def _positive(shape, dtype):
    x = numpy.random.uniform(.5, 1, shape).astype(dtype)
    gy = numpy.random.uniform(-1, 1, shape).astype(dtype)
    ggx = numpy.random.uniform(-1, 1, shape).astype(dtype)
    return x, gy, ggx


# Chainer's own style for these functions: the decorator adds forward,
# backward, double backward (CPU, and GPU when JAX sees one) and label tests.

@testing.unary_math_function_unittest(functions.exp)
class TestExpUnary(unittest.TestCase):
    pass


@testing.unary_math_function_unittest(functions.log, make_data=_positive)
class TestLogUnary(unittest.TestCase):
    pass


@testing.unary_math_function_unittest(functions.log2, make_data=_positive)
class TestLog2Unary(unittest.TestCase):
    pass


@testing.unary_math_function_unittest(functions.log10, make_data=_positive)
class TestLog10Unary(unittest.TestCase):
    pass


# The same functions as FunctionTestCases.

_functions = {
    'exp': (functions.exp, numpy.exp, (-1, 1)),
    'log': (functions.log, numpy.log, (.5, 2)),
    'log2': (functions.log2, numpy.log2, (.5, 2)),
    'log10': (functions.log10, numpy.log10, (.5, 2)),
}


@testing.parameterize(*testing.product({
    'name': sorted(_functions),
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestExponential(testing.FunctionTestCase):

    def setUp(self):
        self.func, self.func_expected, self.domain = _functions[self.name]
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-3}
            self.check_backward_options = {'atol': 5e-3, 'rtol': 5e-2}
            self.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}
            self.check_double_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_inputs(self):
        x = numpy.random.uniform(*self.domain, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return self.func(x),

    def forward_expected(self, inputs):
        x, = inputs
        y = self.func_expected(x.astype(numpy.float64))
        return utils.force_array(y.astype(self.dtype)),


class TestLabels(object):

    def test_labels(self):
        assert functions.Exp().label == 'exp'
        assert functions.Log().label == 'log'


testing.run_module(__name__, __file__)
