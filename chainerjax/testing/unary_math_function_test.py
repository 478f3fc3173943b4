"""A class decorator testing a unary math function
(``chainer.testing.unary_math_function_unittest``)."""
import unittest
import warnings

import numpy

try:
    from chainerjax.testing import attr
    _error = attr.get_error()
except ImportError as e:
    _error = e


def is_available():
    """Whether the decorator can be used (it needs pytest)."""
    return _error is None


def check_available():
    if _error is not None:
        raise RuntimeError(
            '{} is not available.\n\nReason: {}: {}'.format(
                __name__, type(_error).__name__, _error))


def _is_legacy_function(func):
    from chainerjax import function
    return isinstance(func, function.Function)


def _func_name(func):
    if _is_legacy_function(func):
        return type(func).__name__.lower()
    return func.__name__


def _func_class(func):
    # The FunctionNode class named like the function (``exp`` -> ``Exp``).
    from chainerjax import functions
    if _is_legacy_function(func):
        return type(func)
    return getattr(functions, func.__name__.capitalize(), None)


def _make_data_default(shape, dtype):
    def uniform():
        return numpy.random.uniform(-1, 1, shape).astype(dtype, copy=False)
    return uniform(), uniform(), uniform()


def _nonlinear(func):
    def squared(x):
        y = func(x)
        return y * y
    return squared


def _skip_without_gpu():
    from chainerjax.backends import cuda
    if not cuda.available:
        raise unittest.SkipTest('CUDA is not available: JAX sees no GPU')


def unary_math_function_unittest(func, func_expected=None, label_expected=None,
                                 make_data=None, is_linear=None,
                                 forward_options=None,
                                 backward_options=None,
                                 double_backward_options=None):
    """Class decorator adding tests of a unary elementwise math function.

    The decorated ``unittest.TestCase`` gets forward, backward and double
    backward tests (CPU, and GPU ones that are skipped unless JAX sees a
    GPU), plus a label test when ``chainer.functions`` has the function's
    class, parameterized over shapes ``(3, 2)`` and ``()`` and dtypes
    float16/32/64.

    Args:
        func: The function (or a legacy :class:`~chainerjax.Function`
            instance) under test: one float input, one output of its dtype.
        func_expected: NumPy reference, called as ``func_expected(x,
            dtype=x.dtype)``; default: the NumPy function of the same name.
        label_expected (str): Expected label of the function class
            (default: the function's name).
        make_data: ``make_data(shape, dtype)`` returns ``(x, gy, ggx)``
            (``(x, gy)`` for a legacy Function); default: uniform in
            ``[-1, 1]``.
        is_linear: Deprecated; when true the double backward test
            differentiates ``func(x) ** 2``.
        forward_options (dict): Options for ``testing.assert_allclose``.
        backward_options (dict): Options for ``check_backward``.
        double_backward_options (dict): Options for
            ``check_double_backward``.
    """
    check_available()
    from chainerjax import gradient_check
    from chainerjax import testing
    from chainerjax.backends import cuda

    is_new_style = not _is_legacy_function(func)
    func_name = _func_name(func)
    func_class = _func_class(func)

    if func_expected is None:
        try:
            func_expected = getattr(numpy, func_name)
        except AttributeError:
            raise ValueError('NumPy has no functions corresponding to '
                             'Chainer function \'{}\'.'.format(func_name))

    if label_expected is None:
        label_expected = func_name
    elif func_class is None:
        raise ValueError('Expected label is given even though Chainer '
                         'function does not have its label.')

    if make_data is None:
        if is_new_style:
            make_data = _make_data_default
        else:
            def make_data(shape, dtype):
                return _make_data_default(shape, dtype)[:2]

    if is_linear is not None:
        warnings.warn('is_linear option is deprecated', DeprecationWarning)

    def decorator(klass):
        assert issubclass(klass, unittest.TestCase)

        def setUp(self):
            if is_new_style:
                self.x, self.gy, self.ggx = make_data(self.shape, self.dtype)
            else:
                self.x, self.gy = make_data(self.shape, self.dtype)
            if self.dtype == numpy.float16:
                f16_eps = float(numpy.finfo(numpy.float16).eps)
                self.forward_options = {'atol': f16_eps, 'rtol': f16_eps}
                self.backward_options = {
                    'eps': 2 ** -4, 'atol': 2 ** -4, 'rtol': 2 ** -4,
                    'dtype': numpy.float64}
                self.double_backward_options = {
                    'eps': 2 ** -4, 'atol': 2 ** -4, 'rtol': 2 ** -4,
                    'dtype': numpy.float64}
            else:
                self.forward_options = {'atol': 1e-4, 'rtol': 1e-4}
                self.backward_options = {
                    'dtype': numpy.float64, 'atol': 1e-4, 'rtol': 1e-4}
                self.double_backward_options = {
                    'dtype': numpy.float64, 'atol': 1e-4, 'rtol': 1e-4}
            if forward_options is not None:
                self.forward_options.update(forward_options)
            if backward_options is not None:
                self.backward_options.update(backward_options)
            if double_backward_options is not None:
                self.double_backward_options.update(double_backward_options)
        klass.setUp = setUp

        def check_forward(self, x_data):
            from chainerjax import variable
            x = variable.Variable(x_data)
            y = func(x)
            self.assertEqual(y.array.dtype, x_data.dtype)
            y_expected = func_expected(cuda.to_cpu(x_data),
                                       dtype=x_data.dtype)
            testing.assert_allclose(y_expected, y.array,
                                    **self.forward_options)
        klass.check_forward = check_forward

        def test_forward_cpu(self):
            self.check_forward(self.x)
        klass.test_forward_cpu = test_forward_cpu

        @attr.gpu
        def test_forward_gpu(self):
            _skip_without_gpu()
            self.check_forward(cuda.to_gpu(self.x))
        klass.test_forward_gpu = test_forward_gpu

        def check_backward(self, x_data, y_grad):
            gradient_check.check_backward(
                func, x_data, y_grad, **self.backward_options)
        klass.check_backward = check_backward

        def test_backward_cpu(self):
            self.check_backward(self.x, self.gy)
        klass.test_backward_cpu = test_backward_cpu

        @attr.gpu
        def test_backward_gpu(self):
            _skip_without_gpu()
            self.check_backward(cuda.to_gpu(self.x), cuda.to_gpu(self.gy))
        klass.test_backward_gpu = test_backward_gpu

        if is_new_style:
            def check_double_backward(self, x_data, y_grad, x_grad_grad):
                func1 = _nonlinear(func) if is_linear else func
                gradient_check.check_double_backward(
                    func1, x_data, y_grad, x_grad_grad,
                    **self.double_backward_options)
            klass.check_double_backward = check_double_backward

            def test_double_backward_cpu(self):
                self.check_double_backward(self.x, self.gy, self.ggx)
            klass.test_double_backward_cpu = test_double_backward_cpu

            @attr.gpu
            def test_double_backward_gpu(self):
                _skip_without_gpu()
                self.check_double_backward(
                    cuda.to_gpu(self.x), cuda.to_gpu(self.gy),
                    cuda.to_gpu(self.ggx))
            klass.test_double_backward_gpu = test_double_backward_gpu

        if func_class is not None:
            def test_label(self):
                self.assertEqual(func_class().label, label_expected)
            klass.test_label = test_label

        return testing.parameterize(*testing.product({
            'shape': [(3, 2), ()],
            'dtype': [numpy.float16, numpy.float32, numpy.float64],
        }))(klass)
    return decorator
