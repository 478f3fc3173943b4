"""Alex Graves's RMSprop (``chainer.optimizers.RMSpropGraves``): centred
second moment plus momentum, ``eps`` inside the square root. No optax
counterpart with this form; written here.
"""
import jax.numpy as jnp

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 1e-4
_default_hyperparam.alpha = 0.95
_default_hyperparam.momentum = 0.9
_default_hyperparam.eps = 1e-4


class RMSpropGravesRule(optimizer.UpdateRule):
    """Update rule of Graves's RMSprop (states ``n``, ``g``, ``delta``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        alpha (float): decay rate of the moments.
        momentum (float): decay rate of the update.
        eps (float): small value for numerical stability.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'alpha', 'momentum', 'eps')

    def __init__(self, parent_hyperparam=None,
                 lr=None, alpha=None, momentum=None, eps=None):
        super(RMSpropGravesRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if alpha is not None:
            self.hyperparam.alpha = alpha
        if momentum is not None:
            self.hyperparam.momentum = momentum
        if eps is not None:
            self.hyperparam.eps = eps

    def init_state(self, param):
        self.state['n'] = optimizer._zeros_like(param)
        self.state['g'] = optimizer._zeros_like(param)
        self.state['delta'] = optimizer._zeros_like(param)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        dt = param.dtype
        alpha = hp['alpha'].astype(dt)
        one_m_alpha = (1 - hp['alpha']).astype(dt)
        n = state['n'] * alpha + one_m_alpha * grad * grad
        g = state['g'] * alpha + one_m_alpha * grad
        delta = state['delta'] * hp['momentum'].astype(dt) \
            - hp['lr'].astype(dt) * grad / jnp.sqrt(
                n - g * g + hp['eps'].astype(dt))
        return param + delta, {'n': n, 'g': g, 'delta': delta}


class RMSpropGraves(optimizer.GradientMethod):
    """Alex Graves's RMSprop.

    Args:
        lr (float): learning rate.
        alpha (float): decay rate of the moments.
        momentum (float): decay rate of the update.
        eps (float): small value for numerical stability.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha,
                 momentum=_default_hyperparam.momentum,
                 eps=_default_hyperparam.eps):
        super(RMSpropGraves, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.alpha = alpha
        self.hyperparam.momentum = momentum
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    momentum = optimizer.HyperparameterProxy('momentum')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return RMSpropGravesRule(self.hyperparam)
