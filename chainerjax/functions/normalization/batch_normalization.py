"""Batch normalization.

Chainer updates ``running_mean``/``running_var`` in place. JAX arrays are
immutable, so :func:`batch_normalization` writes into the given arrays only
when they are writable NumPy arrays; links (and any jit-traced code) use
:func:`_batch_normalization_with_stats`, which returns the new statistics.
"""
import warnings

import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _compute_axis(x_ndim, gamma_ndim, axis):
    if axis is not None:
        return axis
    return (0,) + tuple(range(gamma_ndim + 1, x_ndim))


def _compute_key_axis(x_ndim, gamma_ndim, axis):
    axis = _compute_axis(x_ndim, gamma_ndim, axis)
    return tuple([i for i in range(x_ndim) if i not in axis])


def _normalize_axis_arg(axis):
    if isinstance(axis, (tuple, list)):
        for i in range(1, len(axis)):
            if axis[i - 1] >= axis[i]:
                raise RuntimeError(
                    'numbers in axis must be sorted in ascending order')
        return tuple(axis)
    if isinstance(axis, (int, numpy.integer)) and not isinstance(axis, bool):
        return (int(axis),)
    if axis is not None:
        raise RuntimeError('axis must be int, tuple of int or None')
    return None


def _check_bn_types(in_types, axis):
    x_type, gamma_type = in_types[0], in_types[1]
    x_ndim = type_check.eval(x_type.ndim)
    gamma_ndim = type_check.eval(gamma_type.ndim)
    axis = _compute_axis(x_ndim, gamma_ndim, axis)
    type_check.expect(x_type.ndim >= len(axis))
    key_axis = _compute_key_axis(x_ndim, gamma_ndim, axis)
    type_check.expect(gamma_type.ndim == len(key_axis))
    for i in range(len(key_axis)):
        type_check.expect(x_type.shape[key_axis[i]] == gamma_type.shape[i])


def _expander(x_ndim, key_axis):
    return tuple([slice(None) if i in key_axis else None
                  for i in range(x_ndim)])


def _warn_single_sample(shape, axis):
    if all(shape[i] == 1 for i in axis):
        if 0 in axis:
            warnings.warn(
                'A batch with no more than one sample has been given to '
                'F.batch_normalization. F.batch_normalization will always '
                'output a zero tensor for such batches. This could be caused '
                'by incorrect configuration in your code (such as running '
                'evaluation while chainer.config.train=True), but could also '
                'happen in the last batch of training if non-repeating '
                'iterator is used.', UserWarning)
        else:
            warnings.warn(
                'F.batch_normalization received a batch with single '
                'dimensions along all axes that are used for aggregating '
                'statistics. F.batch_normalization will always output a zero '
                'tensor for such batches.', UserWarning)


def _updated_stats(running_mean, running_var, mean, var, decay, m):
    """The running statistics after one step, as Chainer computes them
    (``var`` is turned into the unbiased estimate)."""
    adjust = m / max(m - 1., 1.)
    mean = jax.lax.stop_gradient(mean)
    var = jax.lax.stop_gradient(var)
    new_mean = running_mean * decay + mean * (1 - decay)
    new_var = running_var * decay + var * ((1 - decay) * adjust)
    return (new_mean.astype(running_mean.dtype),
            new_var.astype(running_var.dtype))


class BatchNormalization(function_node.FunctionNode):
    """Batch normalization with batch statistics.

    Inputs ``x, gamma, beta`` and, with ``with_stats``, ``running_mean,
    running_var``; outputs ``y`` and, with ``with_stats``, the updated
    running statistics (no gradient flows into them).
    """

    _no_grad_inputs = (3, 4)

    def __init__(self, eps=2e-5, decay=0.9, axis=None, with_stats=False):
        self.eps = eps
        self.decay = decay
        self.axis = _normalize_axis_arg(axis)
        self.with_stats = with_stats

    def check_type_forward(self, in_types):
        n = 5 if self.with_stats else 3
        type_check.expect(in_types.size() == n)
        x_type, gamma_type, beta_type = in_types[:3]
        type_check.expect(
            x_type.dtype.kind == 'f',
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            gamma_type.shape == beta_type.shape,
        )
        _check_bn_types(in_types, self.axis)
        if self.with_stats:
            mean_type, var_type = in_types[3:]
            type_check.expect(
                mean_type.dtype.kind == 'f',
                var_type.dtype.kind == 'f',
                mean_type.shape == gamma_type.shape,
                var_type.shape == gamma_type.shape,
            )

    def forward(self, inputs):
        x, gamma, beta = inputs[:3]
        axis = _compute_axis(x.ndim, gamma.ndim, self.axis)
        key_axis = _compute_key_axis(x.ndim, gamma.ndim, axis)
        expander = _expander(x.ndim, key_axis)
        interm = jnp.promote_types(x.dtype, gamma.dtype)
        xi = x.astype(interm)
        mean = jnp.mean(xi, axis=axis)
        var = jnp.mean(jnp.square(xi - jnp.expand_dims(mean, axis)),
                       axis=axis)
        inv_std = jax.lax.rsqrt(var + interm.type(self.eps))
        x_hat = (xi - mean[expander]) * inv_std[expander]
        y = (x_hat * gamma.astype(interm)[expander]
             + beta.astype(interm)[expander]).astype(x.dtype)
        if not self.with_stats:
            return y,
        m = x.size // gamma.size
        new_mean, new_var = _updated_stats(
            inputs[3], inputs[4], mean, var, self.decay, m)
        return y, new_mean, new_var


class FixedBatchNormalization(function_node.FunctionNode):
    """Batch normalization with given statistics (inference)."""

    def __init__(self, eps=2e-5, axis=None):
        self.eps = eps
        self.axis = _normalize_axis_arg(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 5)
        x_type, gamma_type, beta_type, mean_type, var_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            gamma_type.dtype.kind == 'f',
            beta_type.dtype == gamma_type.dtype,
            mean_type.dtype == gamma_type.dtype,
            var_type.dtype == gamma_type.dtype,
            beta_type.shape == gamma_type.shape,
            mean_type.shape == gamma_type.shape,
            var_type.shape == gamma_type.shape,
        )
        _check_bn_types(in_types, self.axis)

    def forward(self, inputs):
        x, gamma, beta, mean, var = inputs
        axis = _compute_axis(x.ndim, gamma.ndim, self.axis)
        key_axis = _compute_key_axis(x.ndim, gamma.ndim, axis)
        e = _expander(x.ndim, key_axis)
        interm = jnp.promote_types(x.dtype, gamma.dtype)
        inv_std = jax.lax.rsqrt(var + gamma.dtype.type(self.eps))
        y = (x.astype(interm) - mean[e]) * inv_std[e] * gamma[e] + beta[e]
        return y.astype(x.dtype),


def _parse_bn_kwargs(kwargs):
    if 'train' in kwargs:
        raise ValueError('train argument is not supported anymore. '
                         'Use chainer.using_config')
    known = ('eps', 'running_mean', 'running_var', 'decay', 'axis')
    unknown = [k for k in kwargs if k not in known]
    if unknown:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(unknown))))
    return (kwargs.get('eps', 2e-5), kwargs.get('running_mean', None),
            kwargs.get('running_var', None), kwargs.get('decay', 0.9),
            kwargs.get('axis', None))


def _check_writable(arrays, func_name, replacement):
    for name, a in arrays:
        a = variable.as_array(a)
        if isinstance(a, numpy.ndarray) and a.flags.writeable:
            continue
        raise TypeError(
            '{}: {} must be a writable numpy.ndarray to be updated in place '
            '(got {}). JAX arrays are immutable: use {}, which returns the '
            'updated statistics, or pass numpy arrays.'.format(
                func_name, name, type(a).__name__, replacement))


def _write_back(dst, src):
    numpy.copyto(variable.as_array(dst), numpy.asarray(src),
                 casting='unsafe')


def _stats_out(v):
    a = v.array
    if isinstance(a, numpy.ndarray):
        a = numpy.array(a)  # writable, so it can be updated in place later
    return a


def _batch_normalization_with_stats(x, gamma, beta, eps=2e-5,
                                    running_mean=None, running_var=None,
                                    decay=0.9, axis=None):
    """Batch normalization that returns the updated running statistics.

    The functional form for :class:`~chainerjax.links.BatchNormalization`
    and for code traced by ``chainerjax.jit``: nothing is updated in place.

    Args:
        x, gamma, beta, eps, decay, axis: as in :func:`batch_normalization`.
        running_mean (array): the running mean (or None).
        running_var (array): the running variance (or None; both or neither
            must be given).

    Returns:
        tuple: ``(y, new_mean, new_var)``: the output Variable, and the
        running statistics after this batch (arrays of the dtype of the
        given ones, on the device of ``x``; NumPy arrays are writable
        copies), or ``(y, None, None)`` when no statistics are given.
        ``new_var`` uses the unbiased variance, as in Chainer.
    """
    if (running_mean is None) != (running_var is None):
        raise ValueError(
            'running_mean and running_var must be given together')
    axis = _normalize_axis_arg(axis)
    xa = variable.as_array(x)
    ga = variable.as_array(gamma)
    _warn_single_sample(xa.shape, _compute_axis(xa.ndim, ga.ndim, axis))
    if running_mean is None:
        y, = BatchNormalization(eps, decay, axis, False).apply(
            (x, gamma, beta))
        return y, None, None
    y, new_mean, new_var = BatchNormalization(eps, decay, axis, True).apply(
        (x, gamma, beta, variable.as_array(running_mean),
         variable.as_array(running_var)))
    return y, _stats_out(new_mean), _stats_out(new_var)


def batch_normalization(x, gamma, beta, **kwargs):
    """batch_normalization(x, gamma, beta, eps=2e-5, running_mean=None, \
running_var=None, decay=0.9, axis=None)

    Batch normalization: normalizes ``x`` with the mean and (biased)
    variance over ``axis`` (by default every axis but the ones of
    ``gamma``, which follow the batch axis), then scales by ``gamma`` and
    shifts by ``beta``.

    If ``running_mean`` and ``running_var`` are given they are updated in
    place, as in Chainer: ``running = decay * running + (1 - decay) *
    batch_stat`` (the variance is the unbiased estimate). In place means
    they must be writable NumPy arrays; with JAX arrays (immutable) a
    ``TypeError`` is raised: use
    ``chainerjax.functions.normalization.batch_normalization.``
    ``_batch_normalization_with_stats``, which returns the new statistics.

    Args:
        x (Variable or array): the input, ``(N, C, ...)`` by default.
        gamma (Variable or array): the scale.
        beta (Variable or array): the shift.
        eps (float): added to the variance.
        running_mean (numpy.ndarray): running mean, updated in place.
        running_var (numpy.ndarray): running variance, updated in place.
        decay (float): the decay rate of the running statistics.
        axis (int or tuple of int): the axes to normalize over.

    Returns:
        ~chainerjax.Variable: the output, of the shape and dtype of ``x``.
    """
    eps, running_mean, running_var, decay, axis = _parse_bn_kwargs(kwargs)
    if running_mean is not None or running_var is not None:
        _check_writable(
            [(n, a) for n, a in (('running_mean', running_mean),
                                 ('running_var', running_var))
             if a is not None],
            'batch_normalization', 'chainerjax.functions.normalization.'
            'batch_normalization._batch_normalization_with_stats')
    y, new_mean, new_var = _batch_normalization_with_stats(
        x, gamma, beta, eps, running_mean, running_var, decay, axis)
    if running_mean is not None:
        _write_back(running_mean, new_mean)
        _write_back(running_var, new_var)
    return y


def fixed_batch_normalization(x, gamma, beta, mean, var, eps=2e-5,
                              axis=None):
    """Batch normalization with fixed statistics (inference):
    ``gamma * (x - mean) / sqrt(var + eps) + beta``.

    Args:
        x (Variable or array): the input.
        gamma, beta (Variable or array): scale and shift.
        mean, var (Variable or array): the statistics (gradients flow into
            them too).
        eps (float): added to the variance.
        axis (int or tuple of int): the axes normalized over.

    Returns:
        ~chainerjax.Variable: the output, of the shape and dtype of ``x``.
    """
    return FixedBatchNormalization(eps, axis).apply(
        (x, gamma, beta, mean, var))[0]
