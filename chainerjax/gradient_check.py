"""Numerical gradients and gradient checks (``chainer.gradient_check``).

:func:`check_backward` compares the gradient that backprop computes with a
numerical one, along one random direction (a directional derivative), as
Chainer 7.8.1 does; :func:`check_double_backward` does the same for the
gradient of the gradient. Both raise :class:`AssertionError` with the inputs,
the output gradients, the direction and both derivatives in the message when
they disagree.

Numerical differentiation runs on the host in float64 with NumPy. JAX arrays
are immutable, so the checks never write into the caller's arrays: they
perturb copies and hand them to the function under test.

:func:`numerical_grad` keeps Chainer's protocol for NumPy inputs (they are
perturbed in place, one element at a time, and restored; ``f()`` reads them).
For ``jax.Array`` inputs, which cannot be changed in place, ``f`` is called
with the perturbed arrays as positional arguments instead:
``f(*perturbed_inputs)``.
"""
import io
import warnings

import jax
import numpy

import chainerjax
from chainerjax import backend
from chainerjax import configuration
from chainerjax import function_node
from chainerjax import testing
from chainerjax import variable


class NondifferentiableError(Exception):
    """Raised when a numerical gradient is taken at a point where the
    function is not differentiable (``detect_nondifferentiable=True``)."""
    pass


# ----- small helpers ---------------------------------------------------------

def _as_tuple(xs):
    if isinstance(xs, tuple):
        return xs
    if isinstance(xs, list):
        return tuple(xs)
    return xs,


def _is_jax_array(a):
    return isinstance(a, jax.Array)


def _to_host(a):
    """A NumPy view/copy of a NumPy or JAX array (or a Variable's array)."""
    if a is None:
        return None
    if isinstance(a, variable.Variable):
        a = a.array
    if isinstance(a, numpy.ndarray):
        return a
    if isinstance(a, jax.core.Tracer):
        raise TypeError(
            'gradient_check got a traced value; numerical gradients need '
            'concrete arrays (do not call it inside jax.jit).')
    return numpy.asarray(a)


def _to_float64_host(a):
    if a is None:
        return None
    if numpy.isscalar(a):
        return numpy.float64(a)
    return numpy.array(_to_host(a), dtype=numpy.float64, copy=True)


def _format_array_props(arrays):
    parts = []
    for a in arrays:
        if a is None:
            parts.append('None')
        elif isinstance(a, variable.Variable) or hasattr(a, 'shape'):
            parts.append('{}:{}'.format(tuple(a.shape), a.dtype))
        else:
            parts.append(repr(a))
    return '[{}]'.format(', '.join(parts))


def _outputs_props_message(outputs, grad_outputs):
    return ('Output shapes and dtypes         : {}\n'
            'Output gradient shapes and dtypes: {}'.format(
                _format_array_props(outputs),
                _format_array_props(grad_outputs)))


def _check_outputs_and_grad_outputs(outputs, grad_outputs):
    if len(outputs) != len(grad_outputs):
        raise ValueError(
            'Output gradients must contain equally as many elements as the '
            'number of output elements.\n{}'.format(
                _outputs_props_message(outputs, grad_outputs)))
    ok = True
    for y, gy in zip(outputs, grad_outputs):
        if gy is None:
            continue
        if y is None:
            if bool((_to_host(gy) == 0).all()):
                continue
            ok = False
            continue
        if tuple(y.shape) != tuple(gy.shape) or y.dtype != gy.dtype:
            ok = False
    if not ok:
        raise ValueError(
            'Shapes and/or dtypes of outputs and output gradients do not '
            'match.\n{}'.format(
                _outputs_props_message(outputs, grad_outputs)))


# ----- numerical_grad --------------------------------------------------------

def _nondifferentiable_message(i_in, i_out, x, x_ind, eps, yss, extra=()):
    s = io.StringIO()
    s.write('Tried to compute the numeric gradient on a non-differentiable '
            'point.\n\n')
    s.write('i_in: {}\n'.format(i_in))
    s.write('i_out: {}\n'.format(i_out))
    s.write('x: {}\n'.format(x))
    s.write('index on x: {}\n'.format(x_ind))
    s.write('eps: {}\n'.format(eps))
    for name, value in extra:
        s.write('{}: {}\n'.format(name, value))
    labels = ('y[x-eps  ]', 'y[x-eps/2]', 'y[x      ]', 'y[x+eps/2]',
              'y[x+eps  ]')
    for label, ys in zip(labels, yss):
        s.write('{}: {}\n'.format(label, ys[i_out]))
    return s.getvalue()


def _detect_nondifferentiable(yss, i_in, x_for_message, x_ind, eps,
                              diff_atol, diff_rtol):
    """Raises NondifferentiableError if the 5 samples ``yss`` (outputs at
    x-eps, x-eps/2, x, x+eps/2, x+eps) show a kink or a jump."""
    nout = len(yss[0])
    any_nonfinite = False
    for i_out in range(nout):
        if yss[0][i_out] is None:
            continue
        finite = [numpy.isfinite(ys[i_out]) for ys in yss]
        # A change of finiteness between samples is a singularity; values
        # that are non-finite all around (log at x < 0) are not.
        if any((finite[0] != f).any() for f in finite[1:]):
            raise NondifferentiableError(_nondifferentiable_message(
                i_in, i_out, x_for_message, x_ind, eps, yss))
        any_nonfinite |= not all(f.all() for f in finite)
    if any_nonfinite:
        return

    outs = [i for i in range(nout) if yss[0][i] is not None]
    if not outs:
        return
    # One row per sample point, one column per output element: fit each
    # column with a quadratic; a large residual means a non-smooth point.
    stack = numpy.vstack([
        numpy.concatenate([ys[i].ravel() for i in outs]) for ys in yss])
    t = numpy.arange(len(yss), dtype=numpy.float64)
    _, (residuals, _, _, _) = numpy.polynomial.polynomial.polyfit(
        t, stack, deg=2, full=True)
    residuals = numpy.sqrt(residuals / len(yss))
    offset = 0
    for i_out in outs:
        samples = numpy.stack([ys[i_out] for ys in yss])
        size = samples[0].size
        shape = samples[0].shape
        ymax = samples.max(axis=0)
        ymin = samples.min(axis=0)
        res = residuals[offset:offset + size].reshape(shape)
        offset += size
        tol = diff_atol + diff_rtol * (ymax - ymin)
        det = numpy.asarray(tol < res)
        det[ymax == ymin] = False   # constant output: smooth
        if det.any():
            raise NondifferentiableError(_nondifferentiable_message(
                i_in, i_out, x_for_message, x_ind, eps, yss, extra=(
                    ('diff_rtol', diff_rtol),
                    ('diff_atol', diff_atol),
                    ('ymax', ymax),
                    ('ymin', ymin),
                    ('diff_atol + diff_rtol * (ymax-ymin)', tol),
                    ('fitting errors', res))))


def numerical_grad(
        f, inputs, grad_outputs, eps=1e-3,
        detect_nondifferentiable=False, diff_atol=0, diff_rtol=1e-2,
        center_outputs=None):
    """Computes the gradient of ``f`` by central finite differences.

    For each element of each input, ``f`` is evaluated at the element moved
    by ``-eps`` and ``+eps`` (or, with ``detect_nondifferentiable``, at
    ``-eps, -eps/2, 0, +eps/2, +eps`` with a higher order formula), and the
    changes of the outputs are contracted with ``grad_outputs``. The
    arithmetic is done in float64.

    Args:
        f (callable): Runs the forward computation and returns a tuple of
            arrays (or Variables). With NumPy ``inputs`` it takes no
            arguments and reads the inputs, which are perturbed in place (and
            restored). With JAX ``inputs`` (immutable) it is called as
            ``f(*inputs)`` with perturbed copies.
        inputs (tuple of arrays): The float arrays to differentiate by.
        grad_outputs (tuple of arrays, scalars or None): Gradients w.r.t. the
            outputs of ``f`` (None: that output does not contribute).
        eps (float): The finite difference step.
        detect_nondifferentiable (bool): Also check that ``f`` is smooth
            around ``inputs`` (5 evaluations per element instead of 2) and
            raise :class:`NondifferentiableError` if not.
        diff_atol (float): Absolute tolerance of the quadratic fitting error
            in that check.
        diff_rtol (float): Tolerance of that fitting error relative to the
            spread of the outputs.
        center_outputs: Ignored (as in Chainer 7.8.1: values given in a low
            precision spoil the check); the outputs at ``inputs`` are always
            recomputed.

    Returns:
        list of arrays: The gradients, of the dtypes (and array kinds) of
        ``inputs``.
    """
    del center_outputs
    assert eps > 0
    if not isinstance(inputs, (tuple, list)):
        raise TypeError('inputs must be a tuple or a list of arrays, not '
                        '{}'.format(type(inputs)))
    inputs = tuple(inputs)
    for x in inputs:
        if x.dtype.kind != 'f':
            raise RuntimeError(
                'The dtype of input arrays must be kind of float')
    grad_outputs = tuple([
        None if g is None else
        numpy.float64(g) if numpy.isscalar(g) else _to_float64_host(g)
        for g in grad_outputs])

    use_args = any(_is_jax_array(x) for x in inputs)
    if use_args:
        if not all(_is_jax_array(x) for x in inputs):
            raise TypeError(
                'numerical_grad: do not mix NumPy and JAX arrays in '
                '`inputs`.')
        current = list(inputs)
        hosts = [numpy.array(x) for x in inputs]   # writable host copies

        def evaluate():
            return f(*current)
    else:
        for i, x in enumerate(inputs):
            if not isinstance(x, numpy.ndarray):
                raise TypeError(
                    'inputs must be NumPy or JAX arrays; input {} is '
                    '{}'.format(i, type(x)))
            if not x.flags.writeable:
                raise ValueError(
                    'numerical_grad perturbs NumPy inputs in place, but input '
                    '{} is read-only (e.g. the array of a Variable computed '
                    'by JAX). Pass a writable copy (numpy.array(x)) and let '
                    'f read that copy.'.format(i))
        hosts = list(inputs)

        def evaluate():
            return f()

    def sample():
        ys = _as_tuple(evaluate())
        if len(ys) != len(grad_outputs):
            raise ValueError(
                'f returned {} outputs but {} output gradients were '
                'given.'.format(len(ys), len(grad_outputs)))
        out = []
        for y, gy in zip(ys, grad_outputs):
            y = _to_float64_host(y)
            if y is None:
                if gy is not None:
                    raise ValueError(
                        'An output of f is None but its gradient is not.')
            elif gy is not None and not numpy.isscalar(gy) and \
                    y.shape != gy.shape:
                raise ValueError(
                    'Shape of an output of f {} does not match its gradient '
                    '{}.'.format(y.shape, gy.shape))
            out.append(y)
        return out

    def eval_at(i_in, x_ind, value):
        host = hosts[i_in]
        orig = host[x_ind]
        host[x_ind] = value
        if use_args:
            current[i_in] = jax.device_put(
                numpy.array(host), next(iter(inputs[i_in].devices())))
        try:
            return sample()
        finally:
            host[x_ind] = orig
            if use_args:
                current[i_in] = inputs[i_in]

    grads = [numpy.zeros(x.shape, numpy.float64) for x in inputs]
    with configuration.using_config('type_check', False):
        ys0 = sample() if detect_nondifferentiable else None
        for i_in, (host, gx) in enumerate(zip(hosts, grads)):
            for x_ind in numpy.ndindex(host.shape):
                orig = host[x_ind]
                # The perturbed value is rounded to the input dtype, as a
                # Chainer user would see it (float16 inputs included).
                if detect_nondifferentiable:
                    yss = [eval_at(i_in, x_ind, orig - eps * 1.),
                           eval_at(i_in, x_ind, orig - eps * .5),
                           ys0,
                           eval_at(i_in, x_ind, orig + eps * .5),
                           eval_at(i_in, x_ind, orig + eps * 1.)]
                else:
                    yss = [eval_at(i_in, x_ind, orig - eps),
                           eval_at(i_in, x_ind, orig + eps)]
                for ys in yss[1:]:
                    for a, b in zip(yss[0], ys):
                        if (a is None) != (b is None) or (
                                a is not None and a.shape != b.shape):
                            raise ValueError(
                                'The outputs of f changed their shapes '
                                'between evaluations.')

                nonempty = any(y is not None and y.size > 0
                               for y in yss[0])
                if detect_nondifferentiable and nonempty:
                    _detect_nondifferentiable(
                        yss, i_in, inputs[i_in], x_ind, eps,
                        diff_atol, diff_rtol)

                for i_out, gy in enumerate(grad_outputs):
                    if gy is None or yss[0][i_out] is None:
                        continue
                    if len(yss) == 2:
                        diff = yss[1][i_out] - yss[0][i_out]
                        gx[x_ind] += (diff * gy).sum() / (2 * eps)
                    else:
                        diff = (yss[0][i_out] - 8 * yss[1][i_out]
                                + 8 * yss[3][i_out] - yss[4][i_out])
                        gx[x_ind] += (diff * gy).sum() / (6 * eps)

    result = []
    for g, x in zip(grads, inputs):
        g = g.astype(x.dtype, copy=False)
        if _is_jax_array(x):
            g = jax.device_put(g, next(iter(x.devices())))
        result.append(g)
    return result


def assert_allclose(x, y, atol=1e-5, rtol=1e-4, verbose=True):
    """Deprecated alias of :func:`chainerjax.testing.assert_allclose`."""
    warnings.warn(
        'chainer.gradient_check.assert_allclose is deprecated. '
        'Use chainer.testing.assert_allclose instead.',
        DeprecationWarning)
    testing.assert_allclose(x, y, atol, rtol, verbose)


# ----- check_backward --------------------------------------------------------

def _sample_unit_vector(size):
    # A random unit vector whose elements are not too small: the squared
    # elements are a 0.99/0.01 mix of the normalized Gaussian sample and the
    # uniform 1/size, keeping the signs of the sample. NumPy's global
    # generator is used, so numpy.random.seed/testing.fix_random fix it.
    d = numpy.random.normal(size=(size,))
    if size == 0:
        return d
    sq = numpy.square(d)
    return numpy.copysign(numpy.sqrt((0.99 / sq.sum()) * sq + 0.01 / size),
                          d)


def _split(flat, shapes):
    out = []
    offset = 0
    for shape in shapes:
        if shape is None:
            out.append(None)
            continue
        size = int(numpy.prod(shape))
        out.append(flat[offset:offset + size].reshape(shape))
        offset += size
    assert offset == flat.size
    return out


def _send_like(host_array, like):
    """``host_array`` on the device (and array kind) of ``like``."""
    if _is_jax_array(like):
        return jax.device_put(host_array, next(iter(like.devices())))
    return host_array


class _CheckBackward(object):

    def __init__(self, func, xs, gys, params, eps, atol, rtol, no_gxs,
                 dtype, detect_nondifferentiable, is_immutable_params):
        if dtype is not None and numpy.dtype(dtype).kind != 'f':
            raise ValueError('`dtype` is allowed only float type')
        xs = _as_tuple(xs)
        if gys is not None:
            gys = _as_tuple(gys)
        params = _as_tuple(params)
        if is_immutable_params:
            if not all(isinstance(p, backend.get_array_types())
                       for p in params):
                raise ValueError(
                    'All parameters in `params` must be ndarrays if '
                    '`is_immutable_params` is `True`. Actual: {}.'.format(
                        ', '.join(str(type(p)) for p in params)))
        else:
            for p in params:
                if not isinstance(p, variable.Variable):
                    raise TypeError(
                        '`params` must be Variables (e.g. the Parameters of '
                        'a Link), not {}.'.format(type(p)))
        for i, x in enumerate(xs):
            if x is not None and not isinstance(
                    x, backend.get_array_types()):
                raise TypeError(
                    'x_data must be arrays (numpy.ndarray or jax.Array); '
                    'input {} is {}'.format(i, type(x)))
        if no_gxs is None:
            no_gxs = [None if x is None else x.dtype.kind != 'f'
                      for x in xs]
        elif len(no_gxs) != len(xs):
            raise ValueError(
                'Length of no_grads param and xs should be same.\n'
                'Actual: {0} != {1}'.format(len(no_gxs), len(xs)))
        self.device = backend.get_device_from_array(
            *[x for x in xs if x is not None])
        self.func = func
        self.xs = xs
        self.gys = gys
        self.params = params
        self.no_gxs = list(no_gxs)
        self.eps = eps
        self.atol = atol
        self.rtol = rtol
        self.dtype = dtype
        self.detect_nondifferentiable = detect_nondifferentiable
        self.is_immutable_params = is_immutable_params

    def run(self):
        with chainerjax.using_device(self.device):
            self._run()

    def _call(self, x_vars, param_arrays=None):
        if self.is_immutable_params:
            ps = tuple([chainerjax.Parameter(p) for p in param_arrays])
            return _as_tuple(self.func(x_vars, ps)), ps
        return _as_tuple(self.func(*x_vars)), self.params

    def _run(self):
        # Forward once for the analytic gradients. This also initializes
        # lazily initialized parameters, whose shapes the direction needs.
        x_vars = [None if x is None else
                  variable.Variable(x, requires_grad=x.dtype.kind == 'f')
                  for x in self.xs]
        ys, params = self._call(x_vars, self.params)
        for y in ys:
            if y is not None and not isinstance(y, variable.Variable):
                raise TypeError(
                    'func must return Variables (or a tuple of them); got '
                    '{}'.format(type(y)))
        # func may call backward itself: start from clean gradients.
        self._clear_grads(x_vars)
        self._clear_grads(params)

        if self.gys is None:
            if not (len(ys) == 1 and ys[0].shape == ()):
                raise ValueError(
                    'y_grad argument cannot be omitted if the target function '
                    'is not a loss function, which has a single output with '
                    'shape ().\nActual output shapes: {}'.format(
                        ', '.join(str(y.shape) for y in ys)))
            y = ys[0]
            self.gys = (_send_like(numpy.ones((), y.dtype), y.array),)
        else:
            _check_outputs_and_grad_outputs(ys, self.gys)
        self.gys = tuple([None if y is None else gy
                          for gy, y in zip(self.gys, ys)])

        directions = self._sample_directions(params)
        gx_backward = self._backward_directional(x_vars, ys, params,
                                                 directions)
        gx_numeric = self._numeric_directional(directions)
        self._compare(gx_numeric, gx_backward, directions)

    @staticmethod
    def _clear_grads(vs):
        for v in vs:
            if v is not None:
                v.grad_var = None

    def _sample_directions(self, params):
        shapes = [None if x is None else tuple(x.shape)
                  for x, no_gx in zip(self.xs, self.no_gxs) if not no_gx]
        shapes += [tuple(p.shape) for p in params]
        total = sum(int(numpy.prod(s)) for s in shapes if s is not None)
        return _split(_sample_unit_vector(total), shapes)

    def _backward_directional(self, x_vars, ys, params, directions):
        gys = [None if gy is None else
               variable.Variable(_copy_array(gy), requires_grad=False)
               for gy in self.gys]
        out_pairs = [(y, gy) for y, gy in zip(ys, gys) if y is not None]
        chainerjax.backward([y for y, _ in out_pairs],
                            [gy for _, gy in out_pairs])

        for no_gx, x in zip(self.no_gxs, x_vars):
            if no_gx and x is not None and x.grad is not None:
                raise RuntimeError('gradient of int variable must be None')

        grads = [None if x is None else x.grad
                 for x, no_gx in zip(x_vars, self.no_gxs) if not no_gx]
        grads += [p.grad for p in params]
        assert len(grads) == len(directions)
        total = numpy.float64(0)
        for g, d in zip(grads, directions):
            if g is None:
                continue
            g = _to_host(g)
            if g.shape != d.shape:
                raise ValueError(
                    'A gradient has shape {}, its variable {}.'.format(
                        g.shape, d.shape))
            total = total + (g.astype(numpy.float64) * d).sum()
        return total

    def _numeric_directional(self, directions):
        dtype = self.dtype
        # The arrays that move along the direction, in their own dtype or in
        # `dtype`; inputs that do not move keep their arrays (float ones are
        # cast to `dtype` too, so that all float inputs agree).
        fixed = []
        moving = []
        for x, no_gx in zip(self.xs, self.no_gxs):
            if no_gx:
                if x is not None and dtype is not None and \
                        x.dtype.kind == 'f':
                    x = x.astype(dtype)
                fixed.append(x)
            else:
                moving.append(x)
        if self.is_immutable_params:
            param_arrays = list(self.params)
        else:
            param_arrays = [p.array for p in self.params]
            originals = [_save_array(p) for p in self.params]
        moving += param_arrays
        if dtype is not None:
            moving = [None if a is None else a.astype(dtype)
                      for a in moving]
        hosts = [None if a is None else _to_float64_host(a) for a in moving]
        n_x = len(moving) - len(param_arrays)

        delta = numpy.zeros((), numpy.float64)

        def perturbed(k):
            a = moving[k]
            if a is None:
                return None
            data = numpy.asarray(
                (hosts[k] + delta * directions[k]).astype(a.dtype))
            return _send_like(data, a)

        def g():
            x_vars = []
            it_fixed = iter(fixed)
            k = 0
            for no_gx in self.no_gxs:
                if no_gx:
                    x = next(it_fixed)
                    x_vars.append(None if x is None else
                                  variable.Variable(x, requires_grad=False))
                else:
                    data = perturbed(k)
                    x_vars.append(None if data is None else
                                  variable.Variable(data))
                    k += 1
            ps_data = [perturbed(n_x + i) for i in range(len(param_arrays))]
            self._clear_grads(x_vars)
            if self.is_immutable_params:
                ys, _ = self._call(x_vars, ps_data)
            else:
                try:
                    for p, data in zip(self.params, ps_data):
                        p.array = data
                    self._clear_grads(self.params)
                    ys, _ = self._call(x_vars)
                finally:
                    for p, saved in zip(self.params, originals):
                        _restore_array(p, saved)
            return tuple([None if y is None else y.array for y in ys])

        gx, = numerical_grad(
            g, (delta,), self.gys, eps=self.eps,
            detect_nondifferentiable=self.detect_nondifferentiable,
            diff_atol=0, diff_rtol=self.rtol)
        return gx

    def _compare(self, gx_numeric, gx_backward, directions):
        try:
            testing.assert_allclose(gx_numeric, gx_backward,
                                    atol=self.atol, rtol=self.rtol)
        except AssertionError as e:
            f = io.StringIO()
            f.write('check_backward failed (eps={} atol={} rtol={})\n'.format(
                self.eps, self.atol, self.rtol))
            for i, x in enumerate(self.xs):
                f.write('inputs[{}]:\n{}\n'.format(i, x))
            for i, gy in enumerate(self.gys):
                f.write('grad_outputs[{}]:\n{}\n'.format(i, gy))
            for i, d in enumerate(directions):
                f.write('directions[{}]:\n{}\n'.format(i, d))
            f.write('gradients (numeric):  {}\n'.format(gx_numeric))
            f.write('gradients (backward): {}\n'.format(gx_backward))
            f.write('\n')
            f.write('x: numeric gradient, y: backward gradient')
            f.write(str(e))
            raise AssertionError(f.getvalue())


def _save_array(var):
    return var._data, var._device


def _restore_array(var, saved):
    # Puts the very array (and device) back, whatever its kind: assigning
    # var.array could turn a '@numpy' Parameter that holds a JAX buffer
    # into a JAX-device one.
    var._set_array(saved[0])
    var._device = saved[1]


def _copy_array(a):
    if isinstance(a, numpy.ndarray):
        return a.copy()
    return a   # JAX arrays are immutable


def check_backward(
        func, x_data, y_grad, params=(),
        eps=1e-3, atol=1e-5, rtol=1e-4, no_grads=None, dtype=None,
        detect_nondifferentiable=False, is_immutable_params=False):
    """Checks the gradients that backprop computes for ``func``.

    ``func`` is called on Variables made from ``x_data`` and backprop is run
    from its outputs with ``y_grad``. Instead of every partial derivative,
    the derivative along one random unit direction ``r`` (over all inputs and
    ``params`` together) is compared: backprop gives ``sum(grad * r)``, and
    :func:`numerical_grad` differentiates ``delta -> func(x + delta * r)``
    at 0. A wrong gradient fails with high probability.

    Args:
        func (callable): Takes Variables, returns a Variable or a tuple of
            Variables (a Function, FunctionNode, Link or any callable). With
            ``is_immutable_params`` it is called as ``func(xs, params)``.
        x_data (array or tuple of arrays): The inputs. Integer inputs get no
            gradient (see ``no_grads``).
        y_grad (array, tuple of arrays, or None): Gradients w.r.t. the
            outputs; None for a loss function with one output of shape
            ``()`` (the gradient is then 1).
        params (Variable or tuple of Variable): Parameters whose gradients
            are checked too (e.g. ``(link.W, link.b)``). Their arrays are
            replaced while the numerical gradient is taken and restored
            afterwards. With ``is_immutable_params`` these are arrays.
        eps (float): Step of the finite differences.
        atol (float): Absolute tolerance of the comparison.
        rtol (float): Relative tolerance of the comparison (also the fitting
            tolerance of the non-differentiability check).
        no_grads (list of bool): Inputs that must get no gradient (True);
            their gradient must stay None. Default: the non-float inputs.
        dtype: Float dtype in which ``x_data`` and ``params`` are given to
            ``func`` for the numerical gradient (e.g. ``numpy.float64`` to
            test a float16 function precisely). None keeps their dtypes.
        detect_nondifferentiable (bool): Raise
            :class:`NondifferentiableError` if ``func`` is not smooth at
            ``x_data``.
        is_immutable_params (bool): ``params`` are arrays; ``func`` takes
            ``(xs, params)`` and receives them as new Parameters each call.

    Raises:
        AssertionError: The gradients disagree (the message shows the inputs,
            output gradients, direction and both derivatives).
        NondifferentiableError: See ``detect_nondifferentiable``.
    """
    _CheckBackward(
        func, x_data, y_grad, params, eps, atol, rtol, no_grads, dtype,
        detect_nondifferentiable, is_immutable_params).run()


def _check_backward_with_params(
        func, x_data, y_grad, params=(),
        eps=1e-3, atol=1e-5, rtol=1e-4, no_grads=None, dtype=None,
        detect_nondifferentiable=False):
    # check_backward with parameters given as arrays: func(xs, params).
    _CheckBackward(
        func, x_data, y_grad, params, eps, atol, rtol, no_grads, dtype,
        detect_nondifferentiable, is_immutable_params=True).run()


# ----- check_double_backward -------------------------------------------------

class _Cast(function_node.FunctionNode):
    # A differentiable dtype cast (its backward casts the gradient back),
    # used to hand float64 output gradients to a float16/32 graph.

    def __init__(self, dtype):
        self.dtype = numpy.dtype(dtype)

    def forward(self, inputs):
        return inputs[0].astype(self.dtype),


def _cast(x, dtype):
    x_dtype = x.dtype
    if x_dtype == dtype:
        return x
    return _Cast(dtype).apply((x,))[0]


def check_double_backward(func, x_data, y_grad, x_grad_grad, params=(),
                          params_grad_grad=(), eps=1e-3, atol=1e-4, rtol=1e-3,
                          no_grads=None, dtype=None,
                          detect_nondifferentiable=False):
    """Checks the second order gradients of ``func``.

    The first order gradients (by backprop with ``enable_double_backprop``)
    are treated as a function of the inputs and of the output gradients, and
    that function's backward is checked by :func:`check_backward` with
    ``x_grad_grad`` (and ``params_grad_grad``) as its output gradients. The
    first order gradients themselves are assumed right: check them with
    :func:`check_backward` first.

    Args:
        func, x_data, params, eps, atol, rtol, dtype,
        detect_nondifferentiable: As in :func:`check_backward`.
        y_grad (array or tuple of arrays): Gradients w.r.t. the outputs of
            ``func``; they are inputs of the checked function (and get
            second order gradients too). None for a scalar loss function.
        x_grad_grad (array or tuple of arrays): Gradients w.r.t. the first
            order gradients of the float inputs (one per input that gets a
            gradient).
        params_grad_grad (array or tuple of arrays): Likewise for
            ``params``.
        no_grads (list of bool): As in :func:`check_backward`, for
            ``x_data``; the entries of the output gradients, if not given,
            default to False for float ones.

    Raises:
        AssertionError: The second order gradients disagree.
    """
    xs = _as_tuple(x_data)
    params = _as_tuple(params)
    loss_mode = y_grad is None
    gys = () if loss_mode else _as_tuple(y_grad)
    ggxs = _as_tuple(x_grad_grad)
    ggparams = _as_tuple(params_grad_grad)
    n_x = len(xs)

    first_order_no_gxs = [x.dtype.kind != 'f' for x in xs]
    if no_grads is not None:
        no_grads = list(no_grads)
        if len(no_grads) == n_x:
            no_grads += [gy is not None and gy.dtype.kind != 'f'
                         for gy in gys]

    def first_order_grad(*inputs):
        xs_ = inputs[:n_x]
        gys_ = inputs[n_x:]
        ys = _as_tuple(func(*xs_))
        if loss_mode:
            if not (len(ys) == 1 and ys[0].shape == ()):
                raise ValueError(
                    'y_grad can be None only for a function with a single '
                    'output of shape ().')
            y = ys[0]
            gys_ = [variable.Variable(
                _send_like(numpy.ones((), y.dtype), y.array),
                requires_grad=False)]
        else:
            # Output gradients may come in `dtype` (e.g. float64) from the
            # numerical gradient; feed them to the graph in the outputs'
            # dtypes, differentiably.
            gys_ = [None if gy is None or y is None else _cast(gy, y.dtype)
                    for y, gy in zip(ys, gys_)]
            _check_outputs_and_grad_outputs(ys, gys_)
        pairs = [(y, gy) for y, gy in zip(ys, gys_)
                 if y is not None and gy is not None]
        chainerjax.backward([y for y, _ in pairs], [gy for _, gy in pairs],
                            enable_double_backprop=True)
        gxs = []
        errors = []
        for i, (no_gx, x) in enumerate(zip(first_order_no_gxs, xs_)):
            if no_gx:
                if x.grad is not None:
                    errors.append(
                        '[{}]: Gradient was calculated while expected to '
                        'not.'.format(i))
            else:
                gxs.append(x.grad_var)
        if errors:
            f = io.StringIO()
            f.write('There are errors retrieving first-order gradients:\n')
            f.write('Inputs: {}\n'.format(_format_array_props(xs_)))
            f.write('Skip: {}\n'.format(
                ', '.join(str(n) for n in first_order_no_gxs)))
            f.write('Errors:\n')
            for error in errors:
                f.write('{}\n'.format(error))
            raise RuntimeError(f.getvalue())
        return tuple(gxs + [p.grad_var for p in params])

    try:
        check_backward(first_order_grad, xs + gys, ggxs + ggparams,
                       params=params, eps=eps, atol=atol, rtol=rtol,
                       no_grads=no_grads, dtype=dtype,
                       detect_nondifferentiable=detect_nondifferentiable)
    except AssertionError as e:
        f = io.StringIO()
        f.write('check_double_backward failed '
                '(eps={} atol={} rtol={})\n'.format(eps, atol, rtol))
        for i, x in enumerate(xs):
            f.write('input[{}]:\n{}\n'.format(i, x))
        for i, gy in enumerate(gys):
            f.write('grad_output[{}]:\n{}\n'.format(i, gy))
        for i, ggx in enumerate(ggxs):
            f.write('grad_grad_input[{}]:\n{}\n'.format(i, ggx))
        for i, ggp in enumerate(ggparams):
            f.write('grad_grad_param[{}]:\n{}\n'.format(i, ggp))
        f.write('\n')
        f.write(str(e))
        raise AssertionError(f.getvalue()) from e
