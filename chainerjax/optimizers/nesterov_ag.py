"""Nesterov's accelerated gradient (``chainer.optimizers.NesterovAG``).

Chainer's reformulation (Sutskever et al.):
``v = momentum * v - lr * g; param += momentum**2 * v - (1 + momentum) * lr
* g``. optax's ``sgd(nesterov=True)`` scales differently, so it is written
here.
"""
from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class NesterovAGRule(optimizer.UpdateRule):
    """Update rule of Nesterov's accelerated gradient (state ``v``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        momentum (float): decay rate of the velocity.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'momentum')

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(NesterovAGRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if momentum is not None:
            self.hyperparam.momentum = momentum

    def init_state(self, param):
        self.state['v'] = optimizer._zeros_like(param)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        lr, mom = hp['lr'], hp['momentum']
        dt = param.dtype
        v = state['v']
        v = v * mom.astype(v.dtype) - lr.astype(v.dtype) * grad
        param = param + (mom * mom).astype(dt) * v
        param = param - ((1 + mom) * lr).astype(dt) * grad
        return param, {'v': v}


class NesterovAG(optimizer.GradientMethod):
    """Nesterov's accelerated gradient.

    Args:
        lr (float): learning rate.
        momentum (float): decay rate of the velocity.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(NesterovAG, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.momentum = momentum

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')

    def create_update_rule(self):
        return NesterovAGRule(self.hyperparam)
