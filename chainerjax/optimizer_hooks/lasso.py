import jax.numpy as jnp

from chainerjax.optimizer_hooks import _common


class Lasso(_common.PerParamHook):
    """Optimizer/UpdateRule hook adding L1 regularization:
    ``grad += rate * sign(param)``.

    Args:
        rate (float): coefficient of the regularization.
    """

    name = 'Lasso'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, rate):
        self.rate = rate

    def _consts(self, rule, param):
        return (self.rate,)

    @staticmethod
    def _pure(c, p, g):
        return g + c[0].astype(g.dtype) * jnp.sign(p)

    def __call__(self, rule, param):
        super(Lasso, self).__call__(rule, param)
