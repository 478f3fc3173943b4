"""Batch renormalization."""
import warnings

import jax
import jax.numpy as jnp

from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable
from chainerjax.functions.normalization import batch_normalization as _bn
from chainerjax.utils import type_check


class BatchRenormalizationFunction(function_node.FunctionNode):
    """Batch renormalization (training). Inputs ``x, gamma, beta,
    running_mean, running_var``; outputs ``y`` and the updated running
    statistics. ``r`` and ``d`` are constants for the gradient, as in the
    paper and in Chainer."""

    _no_grad_inputs = (3, 4)

    def __init__(self, eps=2e-5, decay=0.9, rmax=1, dmax=0):
        self.eps = eps
        self.decay = decay
        self.rmax = rmax
        self.dmax = dmax

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 5)
        x_type, gamma_type, beta_type = in_types[:3]
        M = type_check.eval(gamma_type.ndim)
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= gamma_type.ndim + 1,
            x_type.shape[1:1 + M] == gamma_type.shape,
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            gamma_type.shape == beta_type.shape,
        )

    def forward(self, inputs):
        x, gamma, beta, running_mean, running_var = inputs
        head_ndim = gamma.ndim + 1
        e = (None, Ellipsis) + (None,) * (x.ndim - head_ndim)
        axis = (0,) + tuple(range(head_ndim, x.ndim))
        dt = gamma.dtype
        xi = x.astype(dt)
        mean = jnp.mean(xi, axis=axis)
        var = jnp.mean(jnp.square(xi - jnp.expand_dims(mean, axis)),
                       axis=axis)
        std = jnp.sqrt(var + dt.type(self.eps))
        running_sigma = jnp.sqrt(running_var + dt.type(self.eps))
        sg = jax.lax.stop_gradient
        r = jnp.clip(sg(std) / running_sigma, 1.0 / self.rmax, self.rmax)
        d = jnp.clip((sg(mean) - running_mean) / running_sigma,
                     -self.dmax, self.dmax)
        x_hat = (xi - mean[e]) / std[e]
        y = gamma[e] * (x_hat * r.astype(dt)[e] + d.astype(dt)[e]) + beta[e]
        m = x.size // gamma.size
        new_mean, new_var = _bn._updated_stats(
            running_mean, running_var, mean, var, self.decay, m)
        return y.astype(x.dtype), new_mean, new_var


def _batch_renormalization_with_stats(x, gamma, beta, rmax, dmax, eps=2e-5,
                                      running_mean=None, running_var=None,
                                      decay=0.9):
    """Batch renormalization that returns ``(y, new_mean, new_var)``, the
    running statistics after this batch (for
    :class:`~chainerjax.links.BatchRenormalization` and jit-traced code;
    nothing is updated in place)."""
    if running_mean is None:
        raise TypeError('running_mean is required')
    if running_var is None:
        raise TypeError('running_var is required')
    y, new_mean, new_var = BatchRenormalizationFunction(
        eps, decay, rmax, dmax).apply(
            (x, gamma, beta, variable.as_array(running_mean),
             variable.as_array(running_var)))
    return y, _bn._stats_out(new_mean), _bn._stats_out(new_var)


def batch_renormalization(x, gamma, beta, rmax, dmax, eps=2e-5,
                          running_mean=None, running_var=None, decay=0.9,
                          update_statistics=False):
    """Batch renormalization: batch normalization corrected by
    ``r = clip(sigma_B / sigma, 1/rmax, rmax)`` and
    ``d = clip((mu_B - mu) / sigma, -dmax, dmax)`` computed from the running
    statistics (treated as constants in backprop).

    Args:
        x, gamma, beta (Variable or array): input, scale and shift
            (``gamma`` covers the axes after the batch axis).
        rmax (float): the bound of ``r``.
        dmax (float): the bound of ``d``.
        eps (float): added to the variances.
        running_mean, running_var (array): the running statistics
            (required).
        decay (float): their decay rate.
        update_statistics (bool): update them in place (they must then be
            writable NumPy arrays; with JAX arrays use
            ``_batch_renormalization_with_stats``, which returns them).

    Returns:
        ~chainerjax.Variable: the output.
    """
    if running_mean is None:
        raise TypeError('running_mean is required')
    if running_var is None:
        raise TypeError('running_var is required')
    if update_statistics:
        _bn._check_writable(
            (('running_mean', running_mean), ('running_var', running_var)),
            'batch_renormalization', 'chainerjax.functions.normalization.'
            'batch_renormalization._batch_renormalization_with_stats')
    y, new_mean, new_var = _batch_renormalization_with_stats(
        x, gamma, beta, rmax, dmax, eps, running_mean, running_var, decay)
    if update_statistics:
        _bn._write_back(running_mean, new_mean)
        _bn._write_back(running_var, new_var)
    return y


def fixed_batch_renormalization(x, gamma, beta, mean, var, eps=2e-5):
    """Deprecated: the same as :func:`fixed_batch_normalization`."""
    warnings.warn(
        'fixed_batch_renormalization is deprecated. '
        'Use fixed_batch_normalization instead.', DeprecationWarning)
    with configuration.using_config('train', False):
        return _bn.fixed_batch_normalization(x, gamma, beta, mean, var, eps)
