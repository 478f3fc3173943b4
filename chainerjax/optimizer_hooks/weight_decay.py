
from chainerjax.optimizer_hooks import _common


class WeightDecay(_common.PerParamHook):
    """Optimizer/UpdateRule hook adding L2 regularization:
    ``grad += rate * param`` (the rate is multiplied by the loss scale
    when gradients are loss-scaled).

    Args:
        rate (float): coefficient of the weight decay.

    Attributes:
        ~optimizer_hooks.WeightDecay.rate (float): the coefficient.
        ~optimizer_hooks.WeightDecay.timing (str): ``'pre'``.
        ~optimizer_hooks.WeightDecay.call_for_each_param (bool): True.
    """

    name = 'WeightDecay'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, rate):
        self.rate = rate

    def _consts(self, rule, param):
        rate = self.rate
        if param._loss_scale is not None:
            rate = rate * param._loss_scale
        return (rate,)

    @staticmethod
    def _pure(c, p, g):
        return g + c[0].astype(g.dtype) * p

    def __call__(self, rule, param):
        super(WeightDecay, self).__call__(rule, param)
