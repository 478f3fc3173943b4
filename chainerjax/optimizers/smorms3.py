"""SMORMS3 (``chainer.optimizers.SMORMS3``, Simon Funk's RMSprop variant).
No optax counterpart; written here.
"""
import jax.numpy as jnp

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-16


class SMORMS3Rule(optimizer.UpdateRule):
    """Update rule of SMORMS3 (states ``mem``, ``g``, ``g2``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        eps (float): small value for numerical stability.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'eps')

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(SMORMS3Rule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if eps is not None:
            self.hyperparam.eps = eps

    def init_state(self, param):
        self.state['mem'] = optimizer._ones_like(param)
        self.state['g'] = optimizer._zeros_like(param)
        self.state['g2'] = optimizer._zeros_like(param)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        dt = param.dtype
        one = jnp.ones((), dt)
        eps = hp['eps'].astype(dt)
        lr = hp['lr'].astype(dt)
        mem, g, g2 = state['mem'], state['g'], state['g2']
        r = one / (mem + one)
        g = (one - r) * g + r * grad
        g2 = (one - r) * g2 + r * grad * grad
        x = g * g / (g2 + eps)
        param = param - grad * jnp.minimum(x, lr) / (jnp.sqrt(g2) + eps)
        mem = one + mem * (one - x)
        return param, {'mem': mem, 'g': g, 'g2': g2}


class SMORMS3(optimizer.GradientMethod):
    """Simon Funk's SMORMS3.

    Args:
        lr (float): learning rate.
        eps (float): small value for numerical stability.
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(SMORMS3, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return SMORMS3Rule(self.hyperparam)
