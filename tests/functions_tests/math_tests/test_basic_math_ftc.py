import operator
import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from chainerjax import testing
from chainerjax import utils
from chainerjax.utils import type_check


def _options(test):
    if test.dtype == numpy.float16:
        test.check_forward_options = {'atol': 1e-3, 'rtol': 1e-3}
        test.check_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        test.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
    else:
        test.check_forward_options = {'atol': 1e-7, 'rtol': 1e-6}
        test.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}
        test.check_double_backward_options = {'atol': 1e-4, 'rtol': 1e-3}


_binary_ops = {
    'add': operator.add,
    'sub': operator.sub,
    'mul': operator.mul,
    'truediv': operator.truediv,
    'pow': operator.pow,
}


@testing.parameterize(*testing.product({
    'op': sorted(_binary_ops),
    'shapes': [
        ((3, 2), (3, 2)),
        ((3, 2), (2,)),          # broadcasting, as in Chainer 7
        ((3, 1), (1, 2)),
        ((), ()),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestBinaryOperator(testing.FunctionTestCase):

    def setUp(self):
        _options(self)

    def generate_inputs(self):
        lhs_shape, rhs_shape = self.shapes
        # Positive operands away from 0 (division, power).
        lhs = numpy.random.uniform(.5, 1, lhs_shape).astype(self.dtype)
        rhs = numpy.random.uniform(.5, 1, rhs_shape).astype(self.dtype)
        return lhs, rhs

    def forward(self, inputs, device):
        lhs, rhs = inputs
        return _binary_ops[self.op](lhs, rhs),

    def forward_expected(self, inputs):
        lhs, rhs = inputs
        y = _binary_ops[self.op](lhs.astype(numpy.float64), rhs)
        return utils.force_array(y.astype(self.dtype)),


@testing.parameterize(*testing.product({
    'op': sorted(_binary_ops),
    'reverse': [False, True],      # x op c, or c op x
    'constant': ['scalar', 'array'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestVariableConstantOperator(testing.FunctionTestCase):

    shape = (3, 2)

    def setUp(self):
        _options(self)

    def generate_inputs(self):
        x = numpy.random.uniform(.5, 1, self.shape).astype(self.dtype)
        if self.constant == 'scalar':
            self.value = float(numpy.random.uniform(.5, 1))
        else:
            # An array operand is a constant: it gets no gradient.
            self.value = numpy.random.uniform(
                .5, 1, self.shape).astype(self.dtype)
        return x,

    def _apply(self, x, value):
        op = _binary_ops[self.op]
        return op(value, x) if self.reverse else op(x, value)

    def forward(self, inputs, device):
        x, = inputs
        value = self.value
        if isinstance(value, numpy.ndarray):
            value = device.send(value)
        y = self._apply(x, value)
        assert isinstance(y, chainer.Variable)
        return y,

    def forward_expected(self, inputs):
        x, = inputs
        value = self.value
        if isinstance(value, numpy.ndarray):
            value = value.astype(numpy.float64)
        y = self._apply(x.astype(numpy.float64), value)
        return utils.force_array(y.astype(self.dtype)),


@testing.parameterize(*testing.product({
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestNeg(testing.FunctionTestCase):

    def setUp(self):
        _options(self)

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return -x,

    def forward_expected(self, inputs):
        x, = inputs
        return utils.force_array(-x),


@testing.parameterize(*testing.product({
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'how': ['abs', 'F.absolute'],
}))
@testing.inject_backend_tests(None, [{}])
class TestAbsolute(testing.FunctionTestCase):

    # |x| is not differentiable at 0.
    dodge_nondifferentiable = True

    def setUp(self):
        _options(self)

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return abs(x) if self.how == 'abs' else functions.absolute(x),

    def forward_expected(self, inputs):
        x, = inputs
        return utils.force_array(numpy.abs(x)),


@testing.parameterize(*testing.product({
    'n_inputs': [2, 3],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestAdd(testing.FunctionTestCase):

    # F.add of several variables (with broadcasting).

    def setUp(self):
        _options(self)

    def generate_inputs(self):
        shapes = [(3, 2), (2,), (3, 1)][:self.n_inputs]
        return tuple([numpy.random.uniform(-1, 1, s).astype(self.dtype)
                      for s in shapes])

    def forward(self, inputs, device):
        return functions.add(*inputs),

    def forward_expected(self, inputs):
        y = inputs[0].astype(numpy.float64)
        for x in inputs[1:]:
            y = y + x
        return y.astype(self.dtype),


@testing.parameterize(*testing.product({
    'shapes': [((3, 2), (2, 4)), ((2, 3, 2), (2, 2)), ((2,), (2, 3))],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestMatMulOperator(testing.FunctionTestCase):

    def setUp(self):
        _options(self)
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-2}

    def generate_inputs(self):
        return tuple([numpy.random.uniform(-1, 1, s).astype(self.dtype)
                      for s in self.shapes])

    def forward(self, inputs, device):
        a, b = inputs
        return a @ b,

    def forward_expected(self, inputs):
        a, b = inputs
        return numpy.asarray(
            (a.astype(numpy.float64) @ b).astype(self.dtype)),


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestFloorDiv(unittest.TestCase):

    def test_forward(self):
        x = numpy.random.uniform(-3, 3, (3, 2)).astype(self.dtype)
        y = numpy.random.uniform(.5, 2, (3, 2)).astype(self.dtype)
        v = chainer.Variable(x)
        testing.assert_allclose((v // y).array, x // y)
        testing.assert_allclose((v // 2.).array, x // self.dtype(2))
        testing.assert_allclose((3. // chainer.Variable(y)).array,
                                self.dtype(3) // y)
        assert (v // y).dtype == self.dtype


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestAbsoluteAtZero(unittest.TestCase):

    # Chainer's convention at the kink: d|x|/dx at 0 is 0 (sign(0)).

    def test_grad_at_zero(self):
        x = chainer.Variable(numpy.array([-2, 0, 3], self.dtype))
        y = abs(x)
        y.grad = numpy.ones(3, self.dtype)
        y.backward()
        assert x.grad.dtype == self.dtype
        numpy.testing.assert_array_equal(
            x.grad, numpy.array([-1, 0, 1], self.dtype))

    def test_function_grad_at_zero(self):
        x = chainer.Variable(numpy.array([0, -0.], self.dtype))
        gx, = chainer.grad([functions.absolute(x)], [x], grad_outputs=[
            chainer.Variable(numpy.ones(2, self.dtype))])
        numpy.testing.assert_array_equal(gx.array, [0, 0])


class TestBasicMathMisc(object):

    def test_dtype_kept_with_python_scalar(self):
        x = chainer.Variable(numpy.ones((2,), numpy.float16))
        for y in (x + 1, 1 - x, x * 2., 2. / x, x ** 2, 2 ** x):
            assert y.dtype == numpy.float16

    def test_dtype_mismatch(self):
        x = chainer.Variable(numpy.ones((2,), numpy.float32))
        y = chainer.Variable(numpy.ones((2,), numpy.float64))
        with pytest.raises(type_check.InvalidType):
            x + y

    def test_incompatible_shapes(self):
        x = chainer.Variable(numpy.ones((2, 3), numpy.float32))
        y = chainer.Variable(numpy.ones((3, 2), numpy.float32))
        with pytest.raises(type_check.InvalidType):
            x * y

    def test_invalid_operand(self):
        x = chainer.Variable(numpy.ones((2,), numpy.float32))
        with pytest.raises(TypeError):
            x + [1, 2]

    def test_array_operand_gets_no_gradient(self):
        x = chainer.Variable(numpy.ones((2,), numpy.float32))
        c = numpy.full((2,), 3, numpy.float32)
        y = x * c
        y.grad = numpy.ones(2, numpy.float32)
        y.backward()
        numpy.testing.assert_array_equal(x.grad, c)

    def test_matmul_with_array_operand(self):
        a = numpy.random.uniform(-1, 1, (3, 2))
        b = numpy.random.uniform(-1, 1, (2, 4))
        av = chainer.Variable(a)
        bv = chainer.Variable(b)
        y1 = av @ b
        y2 = a @ bv
        numpy.testing.assert_allclose(y1.array, a @ b, rtol=1e-12)
        numpy.testing.assert_allclose(y2.array, a @ b, rtol=1e-12)
        gy = numpy.ones((3, 4))
        y1.grad = gy
        y1.backward()
        y2.grad = gy
        y2.backward()
        numpy.testing.assert_allclose(av.grad, gy @ b.T, rtol=1e-12)
        numpy.testing.assert_allclose(bv.grad, a.T @ gy, rtol=1e-12)

    def test_labels(self):
        x = chainer.Variable(numpy.ones((2,), numpy.float32))
        assert (x + x).creator.label == '_ + _'
        assert (x * x).creator.label == '_ * _'
        assert (-x).creator.label == '__neg__'
        assert abs(x).creator.label == '|_|'

    def test_constant_labels(self):
        # Chainer 7.8.1 shows the constant in the label.
        x = chainer.Variable(numpy.ones((2,), numpy.float32))
        labels = [(x + 1).creator.label, (x - 1).creator.label,
                  (1 - x).creator.label, (x / 2).creator.label,
                  (2 / x).creator.label, (x ** 2).creator.label,
                  (2 ** x).creator.label]
        assert labels == ['_ + 1', '_ + (-1)', '1 - _', '_ * 0.5', '2 / _',
                          '_ ** 2', '2 ** _']


testing.run_module(__name__, __file__)
