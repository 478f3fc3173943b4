import unittest

import jax
import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions as F
from chainerjax import gradient_check
from chainerjax import testing
from chainerjax import utils


# ----- numerical_grad --------------------------------------------------------

_tol = {numpy.float16: 5e-2, numpy.float32: 1e-3, numpy.float64: 1e-6}


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'detect_nondifferentiable': [False, True],
}))
class TestNumericalGrad(unittest.TestCase):

    def setUp(self):
        rs = numpy.random.RandomState(1)
        self.x = rs.uniform(.5, 1, (3, 2)).astype(self.dtype)
        self.y = rs.uniform(.5, 1, (3, 2)).astype(self.dtype)
        self.gz = rs.uniform(-1, 1, (3, 2)).astype(self.dtype)
        self.gw = rs.uniform(-1, 1, (2,)).astype(self.dtype)
        # float16 needs a step well above its resolution (also for the
        # smoothness fit of detect_nondifferentiable).
        self.eps = 2 ** -3 if self.dtype == numpy.float16 else 1e-3
        self.tol = _tol[self.dtype]

    def _grad(self, f, inputs, grad_outputs):
        return gradient_check.numerical_grad(
            f, inputs, grad_outputs, eps=self.eps,
            detect_nondifferentiable=self.detect_nondifferentiable)

    def test_square(self):
        x = self.x
        gx, = self._grad(lambda: (x * x,), (x,), (self.gz,))
        assert gx.dtype == self.dtype
        assert gx.shape == x.shape
        expected = 2 * x.astype(numpy.float64) * self.gz
        testing.assert_allclose(gx, expected, atol=self.tol, rtol=self.tol)

    def test_two_inputs_two_outputs(self):
        x, y = self.x, self.y

        def f():
            return x * y, (x ** 2).sum(axis=0)

        gx, gy = self._grad(f, (x, y), (self.gz, self.gw))
        x64, y64 = x.astype(numpy.float64), y.astype(numpy.float64)
        testing.assert_allclose(
            gx, y64 * self.gz + 2 * x64 * self.gw, atol=self.tol,
            rtol=self.tol)
        testing.assert_allclose(gy, x64 * self.gz, atol=self.tol,
                                rtol=self.tol)

    def test_inputs_restored(self):
        x = self.x
        orig = x.copy()
        self._grad(lambda: (numpy.exp(x),), (x,), (self.gz,))
        numpy.testing.assert_array_equal(x, orig)

    def test_none_grad_output_ignored(self):
        x = self.x
        gx, = self._grad(lambda: (x * 3, x * x), (x,), (None, self.gz))
        testing.assert_allclose(
            gx, 2 * x.astype(numpy.float64) * self.gz, atol=self.tol,
            rtol=self.tol)

    def test_scalar_grad_output(self):
        x = self.x
        gx, = self._grad(lambda: (x * 3,), (x,), (2.0,))
        testing.assert_allclose(gx, numpy.full(x.shape, 6.0), atol=self.tol,
                                rtol=self.tol)

    def test_jax_inputs(self):
        xj = jax.numpy.asarray(self.x)
        gx, = self._grad(lambda a: (a * a,), (xj,), (self.gz,))
        assert isinstance(gx, jax.Array)
        assert gx.dtype == self.dtype
        testing.assert_allclose(
            gx, 2 * self.x.astype(numpy.float64) * self.gz, atol=self.tol,
            rtol=self.tol)


class TestNumericalGradErrors(unittest.TestCase):

    def test_integer_input(self):
        x = numpy.arange(3)
        with pytest.raises(RuntimeError):
            gradient_check.numerical_grad(lambda: (x,), (x,), (None,))

    def test_read_only_input(self):
        x = numpy.ones(3)
        x.flags.writeable = False
        with pytest.raises(ValueError, match='read-only'):
            gradient_check.numerical_grad(lambda: (x,), (x,), (x,))

    def test_wrong_grad_output_shape(self):
        x = numpy.ones(3)
        with pytest.raises(ValueError):
            gradient_check.numerical_grad(lambda: (x,), (x,),
                                          (numpy.ones(4),))

    def test_wrong_number_of_grad_outputs(self):
        x = numpy.ones(3)
        with pytest.raises(ValueError):
            gradient_check.numerical_grad(lambda: (x, x), (x,),
                                          (numpy.ones(3),))

    def test_first_order_accuracy(self):
        # Central differences are exact for quadratics, even with a large
        # eps.
        x = numpy.array([0.3, -2.0])
        gx, = gradient_check.numerical_grad(
            lambda: (x ** 2 + x,), (x,), (numpy.ones(2),), eps=0.5)
        numpy.testing.assert_allclose(gx, 2 * x + 1, rtol=1e-12)

    def test_third_order_accuracy(self):
        # The 5-point formula is exact for quartics, even with a large eps.
        x = numpy.array([0.3, -2.0])
        gx, = gradient_check.numerical_grad(
            lambda: (x ** 4,), (x,), (numpy.ones(2),), eps=0.5,
            detect_nondifferentiable=True, diff_rtol=1e9)
        numpy.testing.assert_allclose(gx, 4 * x ** 3, rtol=1e-12)


class TestNondifferentiableDetection(unittest.TestCase):

    def check_nondifferentiable(self, f, x):
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.numerical_grad(
                lambda: (f(x),), (x,), (numpy.ones_like(x),),
                detect_nondifferentiable=True)

    def check_differentiable(self, f, x):
        gradient_check.numerical_grad(
            lambda: (f(x),), (x,), (numpy.ones_like(x),),
            detect_nondifferentiable=True)

    def test_abs_at_zero(self):
        self.check_nondifferentiable(numpy.abs, numpy.array([0.5, 0.0]))

    def test_relu_at_zero(self):
        self.check_nondifferentiable(lambda x: numpy.maximum(x, 0),
                                     numpy.array([0.0, 1.0]))

    def test_step(self):
        self.check_nondifferentiable(lambda x: (x > 0).astype(x.dtype),
                                     numpy.array([0.0001]))

    def test_reciprocal_at_zero_changes_finiteness(self):
        with numpy.errstate(divide='ignore'):
            self.check_nondifferentiable(lambda x: 1 / x,
                                         numpy.array([0.0, 1.0]))

    def test_abs_away_from_zero(self):
        self.check_differentiable(numpy.abs, numpy.array([0.5, -0.3]))

    def test_nonfinite_everywhere_is_not_a_kink(self):
        with numpy.errstate(invalid='ignore'):
            self.check_differentiable(numpy.log, numpy.array([-1.0, 1.0]))

    def test_constant(self):
        self.check_differentiable(lambda x: numpy.zeros_like(x),
                                  numpy.array([0.0, 1.0]))

    def test_smooth(self):
        self.check_differentiable(numpy.tanh,
                                  numpy.linspace(-2, 2, 7))


# ----- custom nodes used to check the checkers -------------------------------

class _Square(chainer.FunctionNode):
    """x ** 2 with a hand-written backward scaled by ``factor``."""

    def __init__(self, factor=1.0, differentiable=True):
        self.factor = factor
        self.differentiable = differentiable

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        return x * x,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        if not self.differentiable:
            # Correct first order gradient, but treats x as a constant: its
            # second order gradient w.r.t. x is lost.
            x = chainer.Variable(x.array)
        return x * gy * x.dtype.type(2 * self.factor),


class _OneWrongElement(chainer.FunctionNode):
    """Identity whose gradient is wrong in one element only."""

    def forward(self, inputs):
        x, = inputs
        return x.copy() if isinstance(x, numpy.ndarray) else x + 0,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        mask = numpy.ones(gy.shape, gy.dtype)
        mask.flat[-1] = 3
        return gy * mask,


class _NoGrad(chainer.FunctionNode):
    """2 * x whose backward forgets the gradient."""

    def forward(self, inputs):
        return inputs[0] * 2,

    def backward(self, indexes, grad_outputs):
        return None,


class _LegacySquare(chainer.Function):

    def __init__(self, factor=1.0):
        self.factor = factor

    def forward(self, inputs):
        x, = inputs
        return utils.force_array(x * x),

    def backward(self, inputs, grad_outputs):
        x, = inputs
        gy, = grad_outputs
        return utils.force_array(x * gy * x.dtype.type(2 * self.factor)),


def _square(factor=1.0, differentiable=True):
    def f(x):
        return _Square(factor, differentiable).apply((x,))[0]
    return f


# ----- check_backward --------------------------------------------------------

@testing.fix_random()
@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'shape': [(), (3, 2)],
}))
class TestCheckBackward(unittest.TestCase):

    def setUp(self):
        self.x = numpy.random.uniform(.5, 1, self.shape).astype(self.dtype)
        # |gy| >= .5, so that a wrong gradient changes the directional
        # derivative by a clear margin.
        self.gy = numpy.asarray(
            numpy.random.uniform(.5, 1, self.shape)
            * numpy.random.choice([-1, 1], self.shape)).astype(self.dtype)
        if self.dtype == numpy.float16:
            self.options = {'atol': 1e-2, 'rtol': 1e-2, 'dtype': numpy.float64}
        else:
            self.options = {'atol': 1e-5, 'rtol': 1e-4, 'dtype': numpy.float64}

    def test_builtin(self):
        gradient_check.check_backward(F.tanh, self.x, self.gy,
                                      **self.options)

    def test_correct_custom_backward(self):
        gradient_check.check_backward(_square(), self.x, self.gy,
                                      **self.options)

    def test_correct_legacy_function(self):
        gradient_check.check_backward(_LegacySquare(), self.x, self.gy,
                                      **self.options)

    def test_wrong_custom_backward_fails(self):
        with pytest.raises(AssertionError, match='check_backward failed'):
            gradient_check.check_backward(_square(1.5), self.x, self.gy,
                                          **self.options)

    def test_wrong_legacy_function_fails(self):
        with pytest.raises(AssertionError):
            gradient_check.check_backward(_LegacySquare(1.5), self.x,
                                          self.gy, **self.options)

    def test_one_wrong_element_fails(self):
        for _ in range(3):   # each draw of the direction must catch it
            with pytest.raises(AssertionError):
                gradient_check.check_backward(
                    lambda x: _OneWrongElement().apply((x,))[0],
                    self.x, self.gy, **self.options)

    def test_missing_gradient_fails(self):
        with pytest.raises(AssertionError):
            gradient_check.check_backward(
                lambda x: _NoGrad().apply((x,))[0], self.x, self.gy,
                **self.options)

    def test_inputs_not_modified(self):
        x, gy = self.x.copy(), self.gy.copy()
        gradient_check.check_backward(F.exp, self.x, self.gy, **self.options)
        numpy.testing.assert_array_equal(x, self.x)
        numpy.testing.assert_array_equal(gy, self.gy)

    def test_without_dtype(self):
        if self.dtype == numpy.float16:
            options = {'atol': 5e-2, 'rtol': 5e-2, 'eps': 2 ** -4}
        elif self.dtype == numpy.float32:
            options = {'atol': 1e-3, 'rtol': 1e-3, 'eps': 1e-2}
        else:
            options = {}
        gradient_check.check_backward(F.tanh, self.x, self.gy, **options)

    def test_jax_device(self):
        device = chainer.get_device('@jax:cpu:0')
        x = device.send(self.x)
        gy = device.send(self.gy)
        gradient_check.check_backward(_square(), x, gy, **self.options)
        with pytest.raises(AssertionError):
            gradient_check.check_backward(_square(1.5), x, gy,
                                          **self.options)


@testing.fix_random()
class TestCheckBackwardMisc(unittest.TestCase):

    def setUp(self):
        self.x = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        self.y = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)

    def test_multiple_inputs_and_broadcast(self):
        b = numpy.random.uniform(-1, 1, (4,)).astype(numpy.float32)
        gy = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        gradient_check.check_backward(
            lambda x, y, b: x * y + b, (self.x, self.y, b), gy,
            dtype=numpy.float64)

    def test_multiple_outputs(self):
        gys = (numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32),
               numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32))
        gradient_check.check_backward(
            lambda x, y: (x * y, x + y), (self.x, self.y), gys,
            dtype=numpy.float64)

    def test_output_gradient_none(self):
        gy = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        gradient_check.check_backward(
            lambda x, y: (x * y, x + y), (self.x, self.y), (None, gy),
            dtype=numpy.float64)

    def test_loss_function(self):
        gradient_check.check_backward(
            lambda x: F.sum(x * x), self.x, None, dtype=numpy.float64)

    def test_y_grad_none_needs_scalar_output(self):
        with pytest.raises(ValueError, match='y_grad argument cannot be'):
            gradient_check.check_backward(F.tanh, self.x, None)

    def test_y_grad_shape_mismatch(self):
        with pytest.raises(ValueError, match='Shapes and/or dtypes'):
            gradient_check.check_backward(
                F.tanh, self.x, numpy.ones((4, 3), numpy.float32))

    def test_y_grad_dtype_mismatch(self):
        with pytest.raises(ValueError, match='Shapes and/or dtypes'):
            gradient_check.check_backward(
                F.tanh, self.x, numpy.ones((3, 4), numpy.float64))

    def test_y_grad_count_mismatch(self):
        with pytest.raises(ValueError):
            gradient_check.check_backward(
                F.tanh, self.x, (self.y, self.y))

    def test_integer_input_gets_no_gradient(self):
        t = numpy.array([1, 0, 3], numpy.int32)
        gradient_check.check_backward(
            F.softmax_cross_entropy, (self.x, t), None, dtype=numpy.float64)

    def test_no_grads(self):
        gy = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        gradient_check.check_backward(
            lambda x, y: x * chainer.Variable(y.array), (self.x, self.y), gy,
            no_grads=[False, True], dtype=numpy.float64)

    def test_no_grads_but_gradient_computed(self):
        gy = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        with pytest.raises(RuntimeError, match='must be None'):
            gradient_check.check_backward(
                lambda x, y: x * y, (self.x, self.y), gy,
                no_grads=[False, True])

    def test_no_grads_wrong_length(self):
        with pytest.raises(ValueError, match='no_grads'):
            gradient_check.check_backward(F.tanh, self.x, self.y,
                                          no_grads=[False, False])

    def test_non_float_dtype_rejected(self):
        with pytest.raises(ValueError, match='float'):
            gradient_check.check_backward(F.tanh, self.x, self.y,
                                          dtype=numpy.int32)

    def test_params(self):
        W = chainer.Parameter(
            numpy.random.uniform(-1, 1, (2, 4)).astype(numpy.float32))
        b = chainer.Parameter(
            numpy.random.uniform(-1, 1, (2,)).astype(numpy.float32))
        W_array = W.array
        W_orig, b_orig = W.array.copy(), b.array.copy()
        gy = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)

        def f(x):
            return F.tanh(F.linear(x, W, b))

        gradient_check.check_backward(f, self.x, gy, params=(W, b),
                                      dtype=numpy.float64)
        # The parameters are restored, dtype included.
        assert W.dtype == numpy.float32
        assert W.array is W_array
        assert W.device == chainer.get_device('@numpy')
        numpy.testing.assert_array_equal(W.array, W_orig)
        numpy.testing.assert_array_equal(b.array, b_orig)

    def test_params_wrong_gradient_fails(self):
        W = chainer.Parameter(
            numpy.random.uniform(.5, 1, (3, 4)).astype(numpy.float32))
        gy = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)

        def f(x):
            # Correct for x, wrong for W.
            return x + _Square(1.2).apply((W,))[0]

        with pytest.raises(AssertionError):
            gradient_check.check_backward(f, self.x, gy, params=W,
                                          dtype=numpy.float64)

    def test_immutable_params(self):
        W = numpy.random.uniform(-1, 1, (2, 4)).astype(numpy.float32)
        gy = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)
        seen = []

        def f(xs, ps):
            x, = xs
            W, = ps
            seen.append(W)
            assert isinstance(W, chainer.Parameter)
            return F.linear(x, W),

        gradient_check.check_backward(f, self.x, gy, params=(W,),
                                      dtype=numpy.float64,
                                      is_immutable_params=True)
        assert len(seen) == 3

    def test_detect_nondifferentiable(self):
        x = numpy.array([[0.0, 0.5, -0.5]], numpy.float64)
        gy = numpy.ones_like(x)
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.check_backward(F.relu, x, gy,
                                          detect_nondifferentiable=True)
        x = numpy.array([[0.25, 0.5, -0.5]], numpy.float64)
        gradient_check.check_backward(F.relu, x, gy,
                                      detect_nondifferentiable=True)

    def test_func_calling_backward_inside(self):
        # Gradients left by func itself must not leak into the check.
        def f(x):
            y = x * x
            F.sum(y).backward()
            return y

        gy = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        gradient_check.check_backward(f, self.x, gy, dtype=numpy.float64)

    def test_deprecated_assert_allclose(self):
        with pytest.warns(DeprecationWarning):
            gradient_check.assert_allclose(self.x, self.x)
        with pytest.warns(DeprecationWarning):
            with pytest.raises(AssertionError):
                gradient_check.assert_allclose(self.x, self.x + 1)


# ----- check_double_backward -------------------------------------------------

@testing.fix_random()
@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestCheckDoubleBackward(unittest.TestCase):

    def setUp(self):
        shape = (2, 3)
        self.x = numpy.random.uniform(.5, 1, shape).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        if self.dtype == numpy.float16:
            self.options = {'atol': 1e-2, 'rtol': 1e-2, 'dtype': numpy.float64}
        else:
            self.options = {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}

    def test_builtin(self):
        gradient_check.check_double_backward(
            F.tanh, self.x, self.gy, self.ggx, **self.options)

    def test_cube(self):
        gradient_check.check_double_backward(
            lambda x: x * x * x, self.x, self.gy, self.ggx, **self.options)

    def test_custom_differentiable_backward(self):
        gradient_check.check_double_backward(
            _square(), self.x, self.gy, self.ggx, **self.options)

    def test_custom_nondifferentiable_backward_fails(self):
        # The first order gradient is right ...
        gradient_check.check_backward(
            _square(differentiable=False), self.x, self.gy, **self.options)
        # ... but its own gradient is not.
        with pytest.raises(AssertionError,
                           match='check_double_backward failed'):
            gradient_check.check_double_backward(
                _square(differentiable=False), self.x, self.gy, self.ggx,
                **self.options)

    def test_two_inputs(self):
        y = numpy.random.uniform(.5, 1, self.x.shape).astype(self.dtype)
        ggy = numpy.random.uniform(-1, 1, self.x.shape).astype(self.dtype)
        gradient_check.check_double_backward(
            lambda a, b: a * b * a, (self.x, y), self.gy, (self.ggx, ggy),
            **self.options)

    def test_loss_function(self):
        gradient_check.check_double_backward(
            lambda x: F.sum(x * x * x), self.x, None, self.ggx,
            **self.options)


@testing.fix_random()
class TestCheckDoubleBackwardMisc(unittest.TestCase):

    def test_params(self):
        x = numpy.random.uniform(-1, 1, (3, 4))
        W = chainer.Parameter(numpy.random.uniform(-1, 1, (2, 4)))
        gy = numpy.random.uniform(-1, 1, (3, 2))
        ggx = numpy.random.uniform(-1, 1, (3, 4))
        ggW = numpy.random.uniform(-1, 1, (2, 4))

        def f(x):
            return F.tanh(F.linear(x, W))

        gradient_check.check_double_backward(
            f, x, gy, ggx, params=W, params_grad_grad=ggW)

    def test_integer_input(self):
        x = numpy.random.uniform(-1, 1, (3, 4))
        t = numpy.array([0, 3, 1], numpy.int32)
        ggx = numpy.random.uniform(-1, 1, (3, 4))
        gradient_check.check_double_backward(
            F.softmax_cross_entropy, (x, t), None, ggx)

    def test_float32_with_float64_gradients(self):
        # The numerical gradient feeds float64 output gradients to a float32
        # graph; they are cast differentiably.
        x = numpy.random.uniform(-1, 1, (3,)).astype(numpy.float32)
        gy = numpy.random.uniform(-1, 1, (3,)).astype(numpy.float32)
        ggx = numpy.random.uniform(-1, 1, (3,)).astype(numpy.float32)
        gradient_check.check_double_backward(
            F.sigmoid, x, gy, ggx, dtype=numpy.float64)


testing.run_module(__name__, __file__)
