"""Classical momentum SGD (``chainer.optimizers.MomentumSGD``).

Chainer's form ``v = momentum * v - lr * g; param += v`` (optax's
``sgd(momentum=...)`` keeps ``v = momentum * v + g`` and scales afterwards,
which differs when ``lr`` changes during training), so it is written here.
"""
from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class MomentumSGDRule(optimizer.UpdateRule):
    """Update rule of classical momentum SGD (state ``v``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        momentum (float): decay rate of the velocity.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'momentum')

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(MomentumSGDRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if momentum is not None:
            self.hyperparam.momentum = momentum

    def init_state(self, param):
        self.state['v'] = optimizer._zeros_like(param)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        v = state['v']
        dt = v.dtype
        v = v * hp['momentum'].astype(dt) - hp['lr'].astype(dt) * grad
        return param + v, {'v': v}


class MomentumSGD(optimizer.GradientMethod):
    """Momentum SGD.

    Args:
        lr (float): learning rate.
        momentum (float): decay rate of the velocity.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(MomentumSGD, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.momentum = momentum

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')

    def create_update_rule(self):
        return MomentumSGDRule(self.hyperparam)
