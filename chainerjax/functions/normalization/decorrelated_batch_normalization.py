"""Decorrelated batch normalization (ZCA whitening per channel group)."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.functions.normalization import batch_normalization as _bn
from chainerjax.utils import type_check


def _grouped(x, groups):
    # (N, C, ...) -> (groups, C // groups, m)
    b, c = x.shape[:2]
    spatial = tuple(range(2, x.ndim))
    return x.transpose((1, 0) + spatial).reshape(groups, c // groups, -1)


def _ungrouped(y, shape):
    b, c = shape[:2]
    spatial = tuple(range(2, len(shape)))
    return y.reshape((c, b) + tuple(shape[2:])).transpose((1, 0) + spatial)


class DecorrelatedBatchNormalization(function_node.FunctionNode):
    """Inputs ``x`` and, with ``with_stats``, ``running_mean,
    running_projection``; outputs ``y`` and the updated statistics."""

    _no_grad_inputs = (1, 2)

    def __init__(self, groups=16, eps=2e-5, decay=0.9, with_stats=False):
        self.groups = groups
        self.eps = eps
        self.decay = decay
        self.with_stats = with_stats

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == (3 if self.with_stats else 1))
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.shape[1] % self.groups == 0,
        )
        type_check.expect(x_type.ndim >= 2)

    def forward(self, inputs):
        x = inputs[0]
        dt = x.dtype
        if dt == numpy.float16:
            # numpy.linalg's error, as in Chainer (eigh has no float16).
            raise TypeError('array type float16 is unsupported in linalg')
        C = x.shape[1] // self.groups
        xh = _grouped(x, self.groups)
        m = xh.shape[2]
        mean = jnp.mean(xh, axis=2, keepdims=True)
        xc = xh - mean
        cov = jnp.matmul(xc, xc.transpose(0, 2, 1)) / dt.type(m) \
            + dt.type(self.eps) * jnp.eye(C, dtype=dt)
        w, v = jnp.linalg.eigh(cov)
        U = (w ** dt.type(-0.5))[:, :, None] * v.transpose(0, 2, 1)
        y = _ungrouped(jnp.matmul(v, jnp.matmul(U, xc)), x.shape)
        y = y.astype(dt)
        if not self.with_stats:
            return y,
        running_mean, running_projection = inputs[1:]
        sg = jax.lax.stop_gradient
        adjust = m / max(m - 1., 1.)
        new_mean = running_mean * self.decay \
            + (1 - self.decay) * sg(mean[:, :, 0])
        new_proj = running_projection * self.decay \
            + (1 - self.decay) * adjust * sg(jnp.matmul(v, U))
        return (y, new_mean.astype(running_mean.dtype),
                new_proj.astype(running_projection.dtype))


class FixedDecorrelatedBatchNormalization(function_node.FunctionNode):

    def __init__(self, groups):
        self.groups = groups

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, mean_type, var_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            mean_type.dtype == x_type.dtype,
            var_type.dtype == x_type.dtype,
        )
        type_check.expect(x_type.ndim >= 2)

    def forward(self, inputs):
        x, mean, projection = inputs
        xh = _grouped(x, self.groups) - mean[:, :, None]
        return _ungrouped(jnp.matmul(projection, xh), x.shape).astype(
            x.dtype),


def _parse(kwargs):
    known = ('groups', 'eps', 'running_mean', 'running_projection', 'decay')
    unknown = [k for k in kwargs if k not in known]
    if unknown:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(unknown))))
    return (kwargs.get('groups', 16), kwargs.get('eps', 2e-5),
            kwargs.get('running_mean'), kwargs.get('running_projection'),
            kwargs.get('decay', 0.9))


def _decorrelated_batch_normalization_with_stats(
        x, groups=16, eps=2e-5, running_mean=None, running_projection=None,
        decay=0.9):
    """Returns ``(y, new_mean, new_projection)`` without updating anything
    in place (for links and jit-traced code); the statistics are None when
    not given."""
    if (running_mean is None) != (running_projection is None):
        raise ValueError('running_mean and running_projection must be '
                         'given together')
    if running_mean is None:
        y, = DecorrelatedBatchNormalization(groups, eps, decay).apply((x,))
        return y, None, None
    y, new_mean, new_proj = DecorrelatedBatchNormalization(
        groups, eps, decay, True).apply(
            (x, variable.as_array(running_mean),
             variable.as_array(running_projection)))
    return y, _bn._stats_out(new_mean), _bn._stats_out(new_proj)


def decorrelated_batch_normalization(x, **kwargs):
    """decorrelated_batch_normalization(x, *, groups=16, eps=2e-5, \
running_mean=None, running_projection=None, decay=0.9)

    Decorrelated batch normalization: the channels are split into
    ``groups`` groups and each group is ZCA-whitened with its batch
    covariance. The running statistics, if given, are updated in place
    (writable NumPy arrays only; otherwise use
    ``_decorrelated_batch_normalization_with_stats``).

    Args:
        x (Variable or array): input of shape ``(N, C, ...)``.

    Returns:
        ~chainerjax.Variable: the output.
    """
    groups, eps, running_mean, running_projection, decay = _parse(kwargs)
    given = [(n, a) for n, a in (('running_mean', running_mean),
                                 ('running_projection', running_projection))
             if a is not None]
    _bn._check_writable(
        given, 'decorrelated_batch_normalization',
        'chainerjax.functions.normalization.decorrelated_batch_'
        'normalization._decorrelated_batch_normalization_with_stats')
    y, new_mean, new_proj = _decorrelated_batch_normalization_with_stats(
        x, groups, eps, running_mean, running_projection, decay)
    if running_mean is not None:
        _bn._write_back(running_mean, new_mean)
        _bn._write_back(running_projection, new_proj)
    return y


def fixed_decorrelated_batch_normalization(x, mean, projection, groups=16):
    """Decorrelated batch normalization with fixed statistics:
    ``projection @ (x - mean)`` per channel group.

    Args:
        x (Variable or array): input of shape ``(N, C, ...)``.
        mean (Variable or array): shape ``(groups, C // groups)``.
        projection (Variable or array): shape
            ``(groups, C // groups, C // groups)``.
        groups (int): the number of groups.

    Returns:
        ~chainerjax.Variable: the output.
    """
    return FixedDecorrelatedBatchNormalization(groups).apply(
        (x, mean, projection))[0]
