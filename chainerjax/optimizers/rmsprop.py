"""RMSprop (``chainer.optimizers.RMSprop``).

Chainer adds ``eps`` outside the square root unless ``eps_inside_sqrt``
(optax's ``rmsprop`` puts it inside); the rule is written here.
"""
import jax.numpy as jnp
import numpy

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.alpha = 0.99
_default_hyperparam.eps = 1e-8
_default_hyperparam.eps_inside_sqrt = False


class RMSpropRule(optimizer.UpdateRule):
    """Update rule of RMSprop (state ``ms``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        alpha (float): decay rate of the second order moment.
        eps (float): small value for numerical stability.
        eps_inside_sqrt (bool): add ``eps`` inside the square root.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'alpha', 'eps')

    def __init__(self, parent_hyperparam=None, lr=None, alpha=None, eps=None,
                 eps_inside_sqrt=None):
        super(RMSpropRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if alpha is not None:
            self.hyperparam.alpha = alpha
        if eps is not None:
            self.hyperparam.eps = eps
        if eps_inside_sqrt is not None:
            self.hyperparam.eps_inside_sqrt = eps_inside_sqrt

    def init_state(self, param):
        self.state['ms'] = optimizer._zeros_like(param)

    def _static_config(self):
        return (bool(self.hyperparam.eps_inside_sqrt),)

    def _check_hyperparameters(self, param):
        hp = self.hyperparam
        g = param._grad_var
        if g is None or not isinstance(hp.eps, (int, float, numpy.number)):
            return
        dtype = g._data.dtype
        if hp.eps != 0 and dtype.type(hp.eps) == 0:
            raise ValueError(
                'eps of RMSprop optimizer is too small for {} ({})'.format(
                    dtype.name, hp.eps))

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        eps_inside_sqrt, = static
        dt = grad.dtype
        alpha = hp['alpha']
        eps = hp['eps'].astype(dt)
        ms = state['ms'] * alpha.astype(dt) + (1 - alpha).astype(dt) \
            * grad * grad
        if eps_inside_sqrt:
            denom = jnp.sqrt(ms + eps)
        else:
            denom = jnp.sqrt(ms) + eps
        param = param - hp['lr'].astype(param.dtype) * grad / denom
        return param, {'ms': ms}


class RMSprop(optimizer.GradientMethod):
    """RMSprop optimizer.

    Args:
        lr (float): learning rate.
        alpha (float): decay rate of the second order moment.
        eps (float): small value for numerical stability.
        eps_inside_sqrt (bool): add ``eps`` inside the square root.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha, eps=_default_hyperparam.eps,
                 eps_inside_sqrt=_default_hyperparam.eps_inside_sqrt):
        super(RMSprop, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.alpha = alpha
        self.hyperparam.eps = eps
        self.hyperparam.eps_inside_sqrt = eps_inside_sqrt

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    eps = optimizer.HyperparameterProxy('eps')
    eps_inside_sqrt = optimizer.HyperparameterProxy('eps_inside_sqrt')

    def create_update_rule(self):
        return RMSpropRule(self.hyperparam)
