"""Vanilla stochastic gradient descent (``chainer.optimizers.SGD``).

The rule is optax's ``sgd`` without momentum (``p - lr * g``), written here
directly so that the learning rate stays a traced per-parameter scalar. On
``'@numpy'``, a parameter in NumPy memory of the user's is updated with
NumPy in place, as Chainer's does (links' own parameters are written in
place by the compiled update, see ``optimizer._update_xla_memory``).
"""
from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01


class SGDRule(optimizer.UpdateRule):
    """Update rule of vanilla SGD: ``param -= lr * grad``.

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
    """

    is_elementwise = True
    _hyper_names = ('lr',)

    def __init__(self, parent_hyperparam=None, lr=None):
        super(SGDRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        return param - hp['lr'].astype(param.dtype) * grad, {}

    @staticmethod
    def _update_in_place(hp, param, grad, state):
        param -= param.dtype.type(hp['lr']) * grad


class SGD(optimizer.GradientMethod):
    """Vanilla stochastic gradient descent.

    Args:
        lr (float): learning rate.
    """

    def __init__(self, lr=_default_hyperparam.lr):
        super(SGD, self).__init__()
        self.hyperparam.lr = lr

    lr = optimizer.HyperparameterProxy('lr')

    def create_update_rule(self):
        return SGDRule(self.hyperparam)
