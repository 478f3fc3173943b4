"""AdaGrad (``chainer.optimizers.AdaGrad``).

Chainer adds ``eps`` outside the square root and starts the accumulator at
0 (optax's ``adagrad`` starts it at 0.1 and puts ``eps`` inside), so the
rule is written here.
"""
import jax.numpy as jnp

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-8


class AdaGradRule(optimizer.UpdateRule):
    """Update rule of AdaGrad (state ``h``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        eps (float): small value for numerical stability.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'eps')

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(AdaGradRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if eps is not None:
            self.hyperparam.eps = eps

    def init_state(self, param):
        self.state['h'] = optimizer._zeros_like(param)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        dt = param.dtype
        h = state['h'] + grad * grad
        param = param - hp['lr'].astype(dt) * grad / (
            jnp.sqrt(h) + hp['eps'].astype(dt))
        return param, {'h': h}


class AdaGrad(optimizer.GradientMethod):
    """AdaGrad optimizer.

    Args:
        lr (float): learning rate.
        eps (float): small value for numerical stability.
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(AdaGrad, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaGradRule(self.hyperparam)
