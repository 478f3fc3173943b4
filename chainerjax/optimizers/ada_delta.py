"""AdaDelta (``chainer.optimizers.AdaDelta``).

Same rule as optax's ``adadelta`` with ``learning_rate=1``; written here to
keep Chainer's state names (``msg``, ``msdx``) and order of operations.
"""
import jax.numpy as jnp

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.rho = 0.95
_default_hyperparam.eps = 1e-6


class AdaDeltaRule(optimizer.UpdateRule):
    """Update rule of AdaDelta (states ``msg`` and ``msdx``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        rho (float): exponential decay rate of the first and second order
            moments.
        eps (float): small value for numerical stability.
    """

    is_elementwise = True
    _hyper_names = ('rho', 'eps')

    def __init__(self, parent_hyperparam=None, rho=None, eps=None):
        super(AdaDeltaRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if rho is not None:
            self.hyperparam.rho = rho
        if eps is not None:
            self.hyperparam.eps = eps

    def init_state(self, param):
        self.state['msg'] = optimizer._zeros_like(param)
        self.state['msdx'] = optimizer._zeros_like(param)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        dt = param.dtype
        rho = hp['rho'].astype(dt)
        one_m_rho = (1 - hp['rho']).astype(dt)
        eps = hp['eps'].astype(dt)
        msg = state['msg'] * rho + one_m_rho * grad * grad
        msdx = state['msdx']
        dx = jnp.sqrt((msdx + eps) / (msg + eps)) * grad
        msdx = msdx * rho + one_m_rho * dx * dx
        return param - dx, {'msg': msg, 'msdx': msdx}


class AdaDelta(optimizer.GradientMethod):
    """Zeiler's AdaDelta.

    Args:
        rho (float): exponential decay rate of the moments.
        eps (float): small value for numerical stability.
    """

    def __init__(self, rho=_default_hyperparam.rho,
                 eps=_default_hyperparam.eps):
        super(AdaDelta, self).__init__()
        self.hyperparam.rho = rho
        self.hyperparam.eps = eps

    rho = optimizer.HyperparameterProxy('rho')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaDeltaRule(self.hyperparam)
