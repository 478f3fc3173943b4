import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax import testing


def _f(x, y):
    return functions.tanh(x) * y + x * x, x - y


class TestForget(object):

    def test_forward_backward(self):
        x_data = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        y_data = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        gz0 = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        gz1 = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)

        x1, y1 = chainerjax.Variable(x_data), chainerjax.Variable(y_data)
        z0, z1 = functions.forget(_f, x1, y1)
        assert isinstance(z0.creator, functions.Forget)
        z0.grad, z1.grad = gz0, gz1
        chainerjax.backward([z0, z1], [z0.grad_var, z1.grad_var])

        x2, y2 = chainerjax.Variable(x_data), chainerjax.Variable(y_data)
        w0, w1 = _f(x2, y2)
        chainerjax.backward([w0, w1], [chainerjax.Variable(gz0),
                                       chainerjax.Variable(gz1)])
        numpy.testing.assert_allclose(z0.array, w0.array, rtol=1e-6)
        numpy.testing.assert_allclose(z1.array, w1.array, rtol=1e-6)
        numpy.testing.assert_allclose(x1.grad, x2.grad, rtol=1e-5)
        numpy.testing.assert_allclose(y1.grad, y2.grad, rtol=1e-5)

    def test_check_backward(self):
        x = numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float64)
        gy = numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float64)
        chainerjax.gradient_check.check_backward(
            lambda a: functions.forget(lambda b: functions.sin(b) * b, a),
            x, gy, dtype=numpy.float64)

    def test_single_output_and_array_input(self):
        x = numpy.arange(3, dtype=numpy.float32)
        y = functions.forget(lambda a: a * 2, x)
        assert isinstance(y, chainerjax.Variable)
        numpy.testing.assert_array_equal(y.array, x * 2)

    def test_recomputes_in_backward(self):
        calls = []

        def f(a):
            calls.append(chainerjax.config.in_recomputing)
            return a * a

        x = chainerjax.Variable(numpy.ones((2,), numpy.float32))
        y = functions.forget(f, x)
        assert calls == [False]
        functions.sum(y).backward()
        assert calls == [False, True]
        numpy.testing.assert_array_equal(x.grad, [2, 2])

    def test_closed_over_parameter_gets_grad(self):
        w = chainerjax.Parameter(numpy.full((2,), 3, numpy.float32))
        x = chainerjax.Variable(numpy.ones((2,), numpy.float32))
        y = functions.forget(lambda a: a * w, x)
        functions.sum(y).backward()
        numpy.testing.assert_array_equal(w.grad, [1, 1])
        numpy.testing.assert_array_equal(x.grad, [3, 3])

    def test_double_backprop_not_allowed(self):
        x = chainerjax.Variable(numpy.ones((2,), numpy.float32))
        y = functions.forget(lambda a: a * a, x)
        with pytest.raises(RuntimeError):
            functions.sum(y).backward(enable_double_backprop=True)

    def test_not_callable(self):
        with pytest.raises(TypeError):
            functions.forget(1, numpy.ones((2,), numpy.float32))

    def test_bad_return(self):
        x = numpy.ones((2,), numpy.float32)
        with pytest.raises(RuntimeError):
            functions.forget(lambda a: 1, x)
        with pytest.raises(RuntimeError):
            functions.forget(lambda a: (a, 1), x)


testing.run_module(__name__, __file__)
