import functools

import jax
import jax.numpy as jnp

from chainerjax.optimizer_hooks import _common


@jax.jit
def _clip_by_global_norm(threshold, grads):
    sqnorm = sum(jnp.vdot(g.ravel(), g.ravel()) for g in grads)
    norm = jnp.sqrt(sqnorm)
    rate = jnp.minimum(threshold / norm, 1.0)
    # in each gradient's dtype: a float64 threshold (traced under jit)
    # must not widen float32 gradients
    return [g * rate.astype(g.dtype) for g in grads]


def _sum_sqnorm(arrays):
    """Sum of squared L2 norms of ``arrays`` (one traced scalar)."""
    return functools.reduce(
        lambda a, b: a + b,
        [jnp.vdot(g.ravel(), g.ravel()) for g in arrays])


class GradientClipping(object):
    """Optimizer hook rescaling all gradients so that their global L2 norm
    is at most ``threshold`` (``grad *= min(1, threshold / norm)``).

    The norm is computed and applied in one compiled function, without
    reading it back to the host.

    Args:
        threshold (float): the L2 norm threshold.

    Attributes:
        ~optimizer_hooks.GradientClipping.threshold (float): the threshold.
        ~optimizer_hooks.GradientClipping.timing (str): ``'pre'``.
    """

    name = 'GradientClipping'
    timing = 'pre'

    def __init__(self, threshold):
        self.threshold = threshold

    def __call__(self, opt):
        params = [p for p in opt.target.params(False)
                  if p._grad_var is not None]
        if not params:
            return
        grads = [p._grad_var._data for p in params]
        devices = {p._device for p in params}
        if len(devices) > 1:
            # gather the squared norms on the host device of the first
            sq = sum(jax.device_get(_sum_sqnorm([g])) for g in grads)
            rate = min(float(self.threshold) / float(sq) ** 0.5, 1.0)
            new = [(g * rate).astype(g.dtype) for g in grads]
        else:
            new = _clip_by_global_norm(self.threshold, grads)
        for p, g in zip(params, new):
            _common.set_grad(p, g)
