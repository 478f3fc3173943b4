import jax.numpy as jnp

from chainerjax.optimizer_hooks import _common


class GradientHardClipping(_common.PerParamHook):
    """Optimizer/UpdateRule hook clipping each gradient element into
    ``[lower_bound, upper_bound]``.

    Args:
        lower_bound (float): the lower bound.
        upper_bound (float): the upper bound.
    """

    name = 'GradientHardClipping'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, lower_bound, upper_bound):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound

    def _consts(self, rule, param):
        return (self.lower_bound, self.upper_bound)

    @staticmethod
    def _pure(c, p, g):
        return jnp.clip(g, c[0].astype(g.dtype), c[1].astype(g.dtype))

    def __call__(self, rule, param):
        super(GradientHardClipping, self).__call__(rule, param)
