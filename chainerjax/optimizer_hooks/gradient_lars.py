import jax.numpy as jnp

from chainerjax.optimizer_hooks import _common


class GradientLARS(_common.PerParamHook):
    """Optimizer/UpdateRule hook of layer-wise adaptive rate scaling
    (You et al. 2017): ``grad = (grad + weight_decay * param) * rate`` with
    ``rate = |p| / (eps + |g| + weight_decay * |p|)`` when ``|p| >
    threshold``, else 1.

    Args:
        threshold (float): norm of the parameter below which the rate is 1.
        weight_decay (float): coefficient of the weight decay.
        eps (float): small value for numerical stability.
    """

    name = 'GradientLARS'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, threshold=1e-2, weight_decay=0.0, eps=1e-9):
        self.threshold = threshold
        self.weight_decay = weight_decay
        self.eps = eps

    def _consts(self, rule, param):
        return (self.threshold, self.weight_decay, self.eps)

    @staticmethod
    def _pure(c, p, g):
        dt = g.dtype
        threshold, wd, eps = c[0], c[1].astype(dt), c[2].astype(dt)
        p_norm = jnp.sqrt(jnp.sum(p * p))
        g_norm = jnp.sqrt(jnp.sum(g * g))
        local_rate = p_norm / (eps + g_norm + wd * p_norm)
        rate = jnp.where(p_norm > threshold.astype(dt), local_rate,
                         jnp.ones((), dt))
        return (g + wd * p) * rate

    def __call__(self, rule, param):
        super(GradientLARS, self).__call__(rule, param)
