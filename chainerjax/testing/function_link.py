"""Test case bases for functions and links (``chainer.testing``).

:class:`FunctionTestCase` tests a function's forward against a NumPy
expectation, its backward with
:func:`~chainerjax.gradient_check.check_backward`
and its double backward with
:func:`~chainerjax.gradient_check.check_double_backward`;
:class:`LinkTestCase` and :class:`LinkInitializersTestCase` do the same for
links and their initializers. They are meant to be combined with
:func:`~chainerjax.testing.inject_backend_tests`, whose ``BackendConfig``
each test receives. The hooks and attributes are Chainer's.
"""
import contextlib
import io
import unittest

import numpy

import chainerjax
from chainerjax import backend
from chainerjax.testing import array as array_module


class _TestError(AssertionError):
    """Base of the errors raised when the tested code is wrong."""

    @classmethod
    def check(cls, expr, message):
        if not expr:
            raise cls(message)

    @classmethod
    def fail(cls, message, exc=None):
        if exc is not None:
            raise cls('{}\n\n(caused by)\n{}: {}\n'.format(
                message, type(exc).__name__, exc)) from exc
        raise cls(message)

    @classmethod
    @contextlib.contextmanager
    def raise_if_fail(cls, message, error_types=AssertionError):
        try:
            yield
        except error_types as e:
            cls.fail(message, e)


class FunctionTestError(_TestError):
    """Raised when the function under test is implemented incorrectly."""


class LinkTestError(_TestError):
    """Raised when the link under test is implemented incorrectly."""


class InitializerArgument(object):
    """A link constructor argument with the initializer it should mean.

    Use it in :meth:`LinkInitializersTestCase.get_initializers` when the
    argument (e.g. ``None``) is not itself the initializer the link uses.

    Args:
        argument_value: What is passed to the link constructor.
        expected_initializer: The initializer-like the link should use.
    """

    def __init__(self, argument_value, expected_initializer):
        if expected_initializer is None:
            raise ValueError('Expected initialized cannot be None.')
        from chainerjax import initializers
        initializers._check_is_initializer_like(expected_initializer)
        self.argument_value = argument_value
        self.expected_initializer = expected_initializer


def _format_array_props(arrays):
    return '[{}]'.format(', '.join(
        'None' if a is None else '{}:{}'.format(tuple(a.shape), a.dtype)
        for a in arrays))


def _noncontiguous(a):
    # A non-C-contiguous NumPy array equal to ``a``. JAX arrays have no
    # strides to vary and are returned as they are.
    if a is None or not isinstance(a, numpy.ndarray) or a.size <= 1:
        return a
    slices = (slice(None, None, -2),) * a.ndim
    buf = numpy.empty(tuple([s * 2 for s in a.shape]), dtype=a.dtype)
    buf[slices] = a
    ret = buf[slices]
    assert not ret.flags.c_contiguous
    return ret


def _as_noncontiguous_array(arrays):
    if isinstance(arrays, (list, tuple)):
        return type(arrays)([_as_noncontiguous_array(a) for a in arrays])
    return _noncontiguous(arrays)


def _check_array_types(arrays, device, func_name):
    if not isinstance(arrays, tuple):
        raise TypeError('`{}()` must return a tuple, not {}.'.format(
            func_name, type(arrays)))
    if not all(a is None or isinstance(a, device.supported_array_types)
               for a in arrays):
        raise TypeError(
            '{}() must return a tuple of arrays supported by device {} or '
            'None.\nActual: {}'.format(
                func_name, device, tuple([type(a) for a in arrays])))


def _check_variable_types(outputs, device, func_name, error_cls):
    if not isinstance(outputs, tuple):
        error_cls.fail('`{}()` must return a tuple, not {}.'.format(
            func_name, type(outputs)))
    if not all(isinstance(a, chainerjax.Variable) for a in outputs):
        error_cls.fail(
            '{}() must return a tuple of Variables.\nActual: {}'.format(
                func_name, ', '.join(str(type(a)) for a in outputs)))
    if not all(isinstance(a.array, device.supported_array_types)
               for a in outputs):
        error_cls.fail(
            '{}() must return a tuple of Variables of arrays supported by '
            'device {}.\nActual: {}'.format(
                func_name, device,
                ', '.join(str(type(a.array)) for a in outputs)))


def _check_arrays_equal(actual_arrays, expected_arrays, error_cls, **opts):
    # Compares numbers, dtypes, shapes and values (``opts`` go to
    # testing.assert_allclose); raises error_cls describing every mismatch.
    message = None
    details = None
    if len(actual_arrays) != len(expected_arrays):
        message = 'Number of outputs ({}, {}) does not match'.format(
            len(actual_arrays), len(expected_arrays))
    elif not all(a.dtype == e.dtype and tuple(a.shape) == tuple(e.shape)
                 for a, e in zip(actual_arrays, expected_arrays)):
        message = 'Shapes and/or dtypes do not match'
    else:
        errors = []
        for i, (a, e) in enumerate(zip(actual_arrays, expected_arrays)):
            try:
                array_module.assert_allclose(a, e, **opts)
            except AssertionError as err:
                errors.append((i, err))
        if errors:
            message = ('Outputs do not match the expected values.\n'
                       'Indices of outputs that do not match: {}'.format(
                           ', '.join(str(i) for i, _ in errors)))
            f = io.StringIO()
            for i, err in errors:
                f.write('Error details of output [{}]:\n{}\n'.format(i, err))
            details = f.getvalue()
    if message is None:
        return
    msg = ('{}\nExpected shapes and dtypes: {}\n'
           'Actual shapes and dtypes:   {}\n'.format(
               message, _format_array_props(expected_arrays),
               _format_array_props(actual_arrays)))
    if details is not None:
        msg += '\n\n' + details
    error_cls.fail(msg)


def _random_like(templates):
    return tuple([numpy.random.uniform(-1, 1, a.shape).astype(a.dtype)
                  for a in templates])


def _retry_nondifferentiable(do_check, enabled):
    # With dodge_nondifferentiable, draws new data until the point is
    # differentiable.
    from chainerjax import gradient_check
    if not enabled:
        do_check()
        return
    while True:
        try:
            do_check()
        except gradient_check.NondifferentiableError:
            continue
        return


class FunctionTestBase(object):
    """The machinery of :class:`FunctionTestCase` (without unittest)."""

    backend_config = None
    check_forward_options = None
    check_backward_options = None
    check_double_backward_options = None
    skip_forward_test = False
    skip_backward_test = False
    skip_double_backward_test = False
    dodge_nondifferentiable = False
    numerical_grad_dtype = numpy.float64
    contiguous = None

    def __init__(self, *args, **kwargs):
        super(FunctionTestBase, self).__init__(*args, **kwargs)
        self.check_forward_options = {}
        self.check_backward_options = {}
        self.check_double_backward_options = {}

    # ----- hooks ------------------------------------------------------------
    def before_test(self, test_name):
        pass

    def forward(self, inputs, device):
        raise NotImplementedError('forward() is not implemented.')

    def forward_expected(self, inputs):
        raise NotImplementedError('forward_expected() is not implemented.')

    def generate_inputs(self):
        raise NotImplementedError('generate_inputs() is not implemented.')

    def generate_grad_outputs(self, outputs_template):
        return _random_like(outputs_template)

    def generate_grad_grad_inputs(self, inputs_template):
        return _random_like(inputs_template)

    def check_forward_outputs(self, outputs, expected_outputs):
        assert isinstance(outputs, tuple)
        assert isinstance(expected_outputs, tuple)
        array_types = backend.get_array_types()
        assert all(isinstance(a, array_types) for a in outputs)
        assert all(isinstance(a, array_types) for a in expected_outputs)
        _check_arrays_equal(outputs, expected_outputs, FunctionTestError,
                            **self.check_forward_options)

    # ----- internals ---------------------------------------------------------
    def _to_noncontiguous_as_needed(self, arrays):
        if self.contiguous is None:
            return _as_noncontiguous_array(arrays)
        if self.contiguous == 'C':
            return arrays
        raise AssertionError(
            'Invalid value of `contiguous`: {}'.format(self.contiguous))

    def _generate_inputs(self):
        inputs = self.generate_inputs()
        _check_array_types(inputs, backend.CpuDevice(), 'generate_inputs')
        return inputs

    def _generate_grad_outputs(self, outputs_template):
        grad_outputs = self.generate_grad_outputs(outputs_template)
        _check_array_types(grad_outputs, backend.CpuDevice(),
                           'generate_grad_outputs')
        return grad_outputs

    def _generate_grad_grad_inputs(self, inputs_template):
        ggxs = self.generate_grad_grad_inputs(inputs_template)
        _check_array_types(ggxs, backend.CpuDevice(),
                           'generate_grad_grad_inputs')
        return ggxs

    def _forward_expected(self, inputs):
        outputs = self.forward_expected(inputs)
        _check_array_types(outputs, backend.CpuDevice(), 'forward_expected')
        return outputs

    def _forward(self, inputs, backend_config):
        assert all(isinstance(a, chainerjax.Variable) for a in inputs)
        with backend_config:
            outputs = self.forward(inputs, backend_config.device)
        _check_variable_types(outputs, backend_config.device, 'forward',
                              FunctionTestError)
        return outputs

    def _start(self, backend_config, test_name):
        self.backend_config = backend_config
        self.test_name = test_name
        self.before_test(test_name)

    # ----- the tests ---------------------------------------------------------
    def run_test_forward(self, backend_config):
        if self.skip_forward_test:
            raise unittest.SkipTest('skip_forward_test is set')
        self._start(backend_config, 'test_forward')

        cpu_inputs = self._to_noncontiguous_as_needed(self._generate_inputs())
        inputs_copied = [a.copy() for a in cpu_inputs]
        cpu_expected = self._forward_expected(cpu_inputs)

        inputs = self._to_noncontiguous_as_needed(
            backend_config.get_array(cpu_inputs))
        outputs = self._forward(
            tuple([chainerjax.Variable(a, requires_grad=a.dtype.kind == 'f')
                   for a in inputs]),
            backend_config)

        modified = []
        for i in range(len(inputs)):
            try:
                array_module.assert_allclose(
                    inputs_copied[i], inputs[i], atol=0, rtol=0)
            except AssertionError:
                modified.append(i)
        if modified:
            f = io.StringIO()
            f.write('Input arrays have been modified during forward.\n'
                    'Indices of modified inputs: {}\n'
                    'Input array shapes and dtypes: {}\n'.format(
                        ', '.join(str(i) for i in modified),
                        _format_array_props(inputs)))
            for i in modified:
                f.write('\nInput[{}]:\nOriginal:\n{}\nAfter forward:\n{}\n'
                        .format(i, inputs_copied[i], inputs[i]))
            FunctionTestError.fail(f.getvalue())

        self.check_forward_outputs(
            tuple([var.array for var in outputs]), cpu_expected)

    def run_test_backward(self, backend_config):
        if self.skip_backward_test:
            raise unittest.SkipTest('skip_backward_test is set')
        from chainerjax import gradient_check
        self._start(backend_config, 'test_backward')

        def f(*args):
            return self._forward(args, backend_config)

        def do_check():
            inputs = self._generate_inputs()
            outputs = self._forward_expected(inputs)
            grad_outputs = self._generate_grad_outputs(outputs)

            inputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(inputs))
            grad_outputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(grad_outputs))

            with FunctionTestError.raise_if_fail(
                    'backward is not implemented correctly'):
                gradient_check.check_backward(
                    f, inputs, grad_outputs, dtype=self.numerical_grad_dtype,
                    detect_nondifferentiable=self.dodge_nondifferentiable,
                    **self.check_backward_options)

        _retry_nondifferentiable(do_check, self.dodge_nondifferentiable)

    def run_test_double_backward(self, backend_config):
        if self.skip_double_backward_test:
            raise unittest.SkipTest('skip_double_backward_test is set')
        from chainerjax import gradient_check
        self._start(backend_config, 'test_double_backward')

        def f(*args):
            return self._forward(args, backend_config)

        def do_check():
            inputs = self._generate_inputs()
            outputs = self._forward_expected(inputs)
            grad_outputs = self._generate_grad_outputs(outputs)
            grad_grad_inputs = self._generate_grad_grad_inputs(inputs)
            # Only float inputs have gradients (None entries are kept).
            grad_grad_inputs = [g for g in grad_grad_inputs
                                if g is None or g.dtype.kind == 'f']

            inputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(inputs))
            grad_outputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(grad_outputs))
            grad_grad_inputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(grad_grad_inputs))

            with backend_config:
                with FunctionTestError.raise_if_fail(
                        'double backward is not implemented correctly'):
                    gradient_check.check_double_backward(
                        f, inputs, grad_outputs, grad_grad_inputs,
                        dtype=self.numerical_grad_dtype,
                        detect_nondifferentiable=self.dodge_nondifferentiable,
                        **self.check_double_backward_options)

        _retry_nondifferentiable(do_check, self.dodge_nondifferentiable)


class FunctionTestCase(FunctionTestBase, unittest.TestCase):
    """Base class of function tests (forward, backward, double backward).

    Override ``generate_inputs(self)`` (a tuple of NumPy arrays),
    ``forward(self, inputs, device)`` (Variables in, a tuple of Variables
    out) and ``forward_expected(self, inputs)`` (NumPy arrays in, a tuple of
    NumPy arrays out). Optional hooks: ``before_test(self, test_name)``,
    ``generate_grad_outputs(self, outputs_template)``,
    ``generate_grad_grad_inputs(self, inputs_template)``,
    ``check_forward_outputs(self, outputs, expected_outputs)``.

    Attributes: ``skip_forward_test``, ``skip_backward_test``,
    ``skip_double_backward_test``, ``dodge_nondifferentiable`` (resample the
    inputs while they are at a non-differentiable point),
    ``numerical_grad_dtype`` (float64 by default), ``contiguous`` (None:
    non-contiguous NumPy inputs; ``'C'``: contiguous), and the dicts
    ``check_forward_options`` (for ``testing.assert_allclose``),
    ``check_backward_options`` and ``check_double_backward_options`` (for
    the gradient checks), typically set in ``setUp``. ``test_name`` and
    ``backend_config`` are set while a test runs.

    Use with :func:`~chainerjax.testing.inject_backend_tests`, e.g.
    ``@testing.inject_backend_tests(None, [{}])``.
    """

    def test_forward(self, backend_config):
        """Tests forward computation."""
        self.run_test_forward(backend_config)

    def test_backward(self, backend_config):
        """Tests backward computation."""
        self.run_test_backward(backend_config)

    def test_double_backward(self, backend_config):
        """Tests double-backward computation."""
        self.run_test_double_backward(backend_config)


# ----- links -----------------------------------------------------------------

def _check_generated_initializer(init):
    from chainerjax import initializers
    if isinstance(init, InitializerArgument):
        init = init.expected_initializer
    elif init is None:
        raise ValueError(
            'A None initializer must be wrapped in a InitializerArgument '
            'along with the expected initializer fallen back to.')
    initializers._check_is_initializer_like(init)


def _initializer_argument_value(init):
    if isinstance(init, InitializerArgument):
        return init.argument_value
    return init


def _expected_initializer(init):
    from chainerjax import initializers
    if isinstance(init, InitializerArgument):
        init = init.expected_initializer
    assert init is not None
    if not isinstance(init, chainerjax.Initializer):
        init = initializers._get_initializer(init)
    return init


def _get_link_params(link, param_names):
    params = []
    for name in param_names:
        param = getattr(link, name, None)
        if param is None:
            LinkTestError.fail(
                'Link does not have a parameter named \'{}\'.'.format(name))
        params.append(param)
    return params


class _LinkTestBase(object):

    backend_config = None
    contiguous = None
    param_names = ()

    def before_test(self, test_name):
        pass

    def generate_params(self):
        raise NotImplementedError('generate_params is not implemented.')

    def generate_inputs(self):
        raise NotImplementedError('generate_inputs is not implemented.')

    def create_link(self, initializers):
        raise NotImplementedError('create_link is not implemented.')

    def forward(self, link, inputs, device):
        outputs = link(*inputs)
        if not isinstance(outputs, tuple):
            outputs = outputs,
        return outputs

    def check_forward_outputs(self, outputs, expected_outputs):
        assert isinstance(outputs, tuple)
        assert isinstance(expected_outputs, tuple)
        array_types = backend.get_array_types()
        assert all(isinstance(a, array_types) for a in outputs)
        assert all(isinstance(a, array_types) for a in expected_outputs)
        _check_arrays_equal(outputs, expected_outputs, LinkTestError,
                            **self.check_forward_options)

    def _generate_params(self):
        inits = self.generate_params()
        if not isinstance(inits, (tuple, list)):
            raise TypeError('`generate_params` must return a tuple or a list.')
        for init in inits:
            _check_generated_initializer(init)
        return inits

    def _generate_inputs(self):
        inputs = self.generate_inputs()
        _check_array_types(inputs, backend.CpuDevice(), 'generate_inputs')
        return inputs

    def _create_link(self, initializers, backend_config):
        link = self.create_link(initializers)
        link_class = getattr(chainerjax, 'Link', None)
        if link_class is None or not isinstance(link, link_class):
            raise TypeError('`create_link` must return a chainer.Link object.')
        link.to_device(backend_config.device)
        return link

    def _create_initialized_link(self, inits, backend_config):
        inits = [_initializer_argument_value(i) for i in inits]
        link = self._create_link(inits, backend_config)
        # A forward pass initializes lazily initialized parameters.
        inputs_xp = self._to_noncontiguous_as_needed(
            backend_config.get_array(self._generate_inputs()))
        output_vars = self._forward(
            link, [chainerjax.Variable(a) for a in inputs_xp],
            backend_config)
        outputs_xp = [v.array for v in output_vars]
        link.cleargrads()
        return link, inputs_xp, outputs_xp

    def _forward(self, link, inputs, backend_config):
        assert all(isinstance(x, chainerjax.Variable) for x in inputs)
        with backend_config:
            outputs = self.forward(link, inputs, backend_config.device)
        _check_variable_types(outputs, backend_config.device, 'forward',
                              LinkTestError)
        return outputs

    def _to_noncontiguous_as_needed(self, arrays):
        if self.contiguous is None:
            return _as_noncontiguous_array(arrays)
        if self.contiguous == 'C':
            return arrays
        raise AssertionError(
            'Invalid value of `contiguous`: {}'.format(self.contiguous))


class LinkTestCase(_LinkTestBase, unittest.TestCase):
    """Base class of link forward/backward tests.

    Override ``generate_params(self)`` (a tuple of initializer-likes, one
    per initializer argument of the link), ``create_link(self,
    initializers)``, ``generate_inputs(self)`` and, unless the test is
    skipped, ``forward_expected(self, link, inputs)`` (the link is on the
    CPU, the inputs are NumPy). ``forward(self, link, inputs, device)``
    defaults to calling the link. ``param_names`` lists the parameters whose
    gradients are checked (e.g. ``('W', 'b')``). Attributes and hooks as in
    :class:`FunctionTestCase` (``skip_forward_test``,
    ``skip_backward_test``, ``dodge_nondifferentiable``,
    ``numerical_grad_dtype``, ``contiguous``, ``check_forward_options``,
    ``check_backward_options``, ``before_test``,
    ``generate_grad_outputs``, ``check_forward_outputs``).
    """

    check_forward_options = None
    check_backward_options = None
    skip_forward_test = False
    skip_backward_test = False
    dodge_nondifferentiable = False
    numerical_grad_dtype = numpy.float64

    def __init__(self, *args, **kwargs):
        self.check_forward_options = {}
        self.check_backward_options = {}
        super(LinkTestCase, self).__init__(*args, **kwargs)

    def forward_expected(self, link, inputs):
        raise NotImplementedError('forward_expected() is not implemented.')

    def generate_grad_outputs(self, outputs_template):
        return _random_like(outputs_template)

    def test_forward(self, backend_config):
        """Tests forward computation."""
        if self.skip_forward_test:
            raise unittest.SkipTest('skip_forward_test is set')
        self.backend_config = backend_config
        self.test_name = 'test_forward'
        self.before_test('test_forward')

        inits = self._generate_params()
        link = self._create_link(inits, backend_config)
        inputs_np = self._generate_inputs()
        inputs_xp = self._to_noncontiguous_as_needed(
            backend_config.get_array(inputs_np))
        output_vars = self._forward(
            link, tuple([chainerjax.Variable(a) for a in inputs_xp]),
            backend_config)
        outputs_xp = [v.array for v in output_vars]
        # The expectation is computed on the CPU.
        link.to_device(backend.CpuDevice())
        expected = self._forward_expected(link, inputs_np)
        self.check_forward_outputs(tuple(outputs_xp), expected)

    def test_backward(self, backend_config):
        """Tests backward computation (inputs and ``param_names``)."""
        if self.skip_backward_test:
            raise unittest.SkipTest('skip_backward_test is set')
        from chainerjax import gradient_check
        self.backend_config = backend_config
        self.test_name = 'test_backward'
        self.before_test('test_backward')

        def do_check():
            # A throwaway link gives the (initialized) parameters, inputs and
            # output templates.
            inits = self._generate_params()
            link, inputs, outputs = self._create_initialized_link(
                inits, backend_config)
            params = [p.array for p in
                      _get_link_params(link, self.param_names)]
            cpu = backend.CpuDevice()
            outputs = [cpu.send(o) for o in outputs]
            grad_outputs = backend_config.get_array(
                self._generate_grad_outputs(outputs))

            inputs = self._to_noncontiguous_as_needed(inputs)
            params = self._to_noncontiguous_as_needed(params)
            grad_outputs = self._to_noncontiguous_as_needed(grad_outputs)

            forward_link, _, _ = self._create_initialized_link(
                inits, backend_config)

            def forward(xs, ps):
                with forward_link.init_scope():
                    for name, p in zip(self.param_names, ps):
                        setattr(forward_link, name, p)
                return self._forward(forward_link, xs, backend_config)

            with LinkTestError.raise_if_fail(
                    'backward is not implemented correctly'):
                gradient_check._check_backward_with_params(
                    forward, inputs, grad_outputs, params=params,
                    dtype=self.numerical_grad_dtype,
                    detect_nondifferentiable=self.dodge_nondifferentiable,
                    **self.check_backward_options)

        _retry_nondifferentiable(do_check, self.dodge_nondifferentiable)

    def _forward_expected(self, link, inputs):
        assert all(isinstance(x, numpy.ndarray) for x in inputs)
        outputs = self.forward_expected(link, inputs)
        _check_array_types(outputs, backend.CpuDevice(), 'forward_expected')
        return outputs

    def _generate_grad_outputs(self, outputs_template):
        assert all(isinstance(x, numpy.ndarray) for x in outputs_template)
        grad_outputs = self.generate_grad_outputs(outputs_template)
        _check_array_types(grad_outputs, backend.CpuDevice(),
                           'generate_grad_outputs')
        return grad_outputs


class LinkInitializersTestCase(_LinkTestBase, unittest.TestCase):
    """Base class of link parameter initialization tests.

    Override ``generate_params``, ``create_link``, ``generate_inputs`` (and
    optionally ``forward``) as for :class:`LinkTestCase`, and
    ``get_initializers(self)``: one list of initializer-likes per
    initializer argument; each is tried in turn (the other arguments come
    from ``generate_params``) and the initialized parameter named in
    ``param_names`` is compared with what the initializer produces
    (``check_initializers_options`` go to ``testing.assert_allclose``). Use
    :class:`InitializerArgument` for arguments such as ``None`` that stand
    for another initializer.
    """

    check_initializers_options = None

    def __init__(self, *args, **kwargs):
        self.check_initializers_options = {}
        super(LinkInitializersTestCase, self).__init__(*args, **kwargs)

    def get_initializers(self):
        raise NotImplementedError('get_initializers is not implemented.')

    def test_initializers(self, backend_config):
        """Tests that the parameters are initialized as specified."""
        self.backend_config = backend_config
        self.test_name = 'test_initializers'
        self.before_test('test_initializers')

        for i_param, param_inits in enumerate(self._get_initializers()):
            inits = list(self._generate_params())
            for init in param_inits:
                inits[i_param] = init
                self._test_single_initializer(i_param, inits, backend_config)

    def _get_initializers(self):
        params_inits = self.get_initializers()
        if not isinstance(params_inits, (tuple, list)):
            raise TypeError(
                '`get_initializers` must return a tuple or a list.')
        for param_inits in params_inits:
            if not isinstance(param_inits, (tuple, list)):
                raise TypeError(
                    '`get_initializers` must return a tuple or a list of '
                    'tuples or lists.')
            for init in param_inits:
                _check_generated_initializer(init)
        return params_inits

    def _test_single_initializer(self, i_param, inits, backend_config):
        link, _, _ = self._create_initialized_link(inits, backend_config)
        param = _get_link_params(link, self.param_names)[i_param]
        param_np = backend.CpuDevice().send(param.array)
        expected_np = numpy.empty_like(param_np)
        _expected_initializer(inits[i_param])(expected_np)
        _check_arrays_equal((expected_np,), (param_np,), LinkTestError,
                            **self.check_initializers_options)
