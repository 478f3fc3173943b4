"""M-SVAG (``chainer.optimizers.MSVAG``, Balles and Hennig 2017).
No optax counterpart; written here.
"""
import jax.numpy as jnp

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.1
_default_hyperparam.beta = 0.9
_default_hyperparam.eta = 1.0
_default_hyperparam.weight_decay_rate = 0


class MSVAGRule(optimizer.UpdateRule):
    """Update rule of M-SVAG (states ``m`` and ``v``).

    ``beta_power`` (``beta ** (t + 1)`` when ``beta`` is fixed) is kept on
    the rule, as in Chainer (it is not serialized).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        lr (float): learning rate.
        beta (float): decay rate of the moments.
        eta (float): schedule multiplier.
        weight_decay_rate (float): weight decay rate.
    """

    is_elementwise = True
    _hyper_names = ('lr', 'beta', 'eta', 'weight_decay_rate', 'beta_power')

    def __init__(self, parent_hyperparam=None,
                 lr=None, beta=None,
                 eta=None, weight_decay_rate=None):
        super(MSVAGRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if beta is not None:
            self.hyperparam.beta = beta
        if eta is not None:
            self.hyperparam.eta = eta
        if weight_decay_rate is not None:
            self.hyperparam.weight_decay_rate = weight_decay_rate
        self.beta_power = self.hyperparam.beta

    def init_state(self, param):
        self.state['m'] = optimizer._zeros_like(param)
        self.state['v'] = optimizer._zeros_like(param)

    def _hyper_values(self):
        hp = self.hyperparam
        return (hp.lr, hp.beta, hp.eta, hp.weight_decay_rate,
                self.beta_power)

    def _after_compiled_update(self):
        self.beta_power *= self.hyperparam.beta

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        dt = param.dtype
        beta, bp = hp['beta'], hp['beta_power']
        rho = (((1.0 - beta) ** 2) * (1.0 - bp ** 2)
               / (((1.0 - bp) ** 2) * (1.0 - beta ** 2)))
        rho = jnp.minimum(rho, 0.9999)
        one_m_beta = (1 - beta).astype(dt)
        m, v = state['m'], state['v']
        m = m + one_m_beta * (grad - m)
        v = v + one_m_beta * (grad * grad - v)
        corr = (1 - bp).astype(dt)
        mt = m / corr
        vt = v / corr
        mt2 = mt ** 2
        s = (vt - mt2) / (1 - rho).astype(dt)
        factor = jnp.clip(mt2 / (mt2 + rho.astype(dt) * s), 0, 1)
        factor = jnp.where(jnp.isnan(factor), jnp.zeros((), dt), factor)
        eta = hp['eta'].astype(dt)
        param = param - eta * (hp['lr'].astype(dt) * mt * factor
                               + hp['weight_decay_rate'].astype(dt) * param)
        return param, {'m': m, 'v': v}


class MSVAG(optimizer.GradientMethod):
    """M-SVAG optimizer.

    Args:
        lr (float): learning rate.
        beta (float): decay rate of the moments.
        eta (float): schedule multiplier.
        weight_decay_rate (float): weight decay rate.
    """

    def __init__(self,
                 lr=_default_hyperparam.lr,
                 beta=_default_hyperparam.beta,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(MSVAG, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.beta = beta
        self.hyperparam.eta = eta
        self.hyperparam.weight_decay_rate = weight_decay_rate

    lr = optimizer.HyperparameterProxy('lr')
    beta = optimizer.HyperparameterProxy('beta')
    eta = optimizer.HyperparameterProxy('eta')
    weight_decay_rate = optimizer.HyperparameterProxy('weight_decay_rate')

    def create_update_rule(self):
        return MSVAGRule(self.hyperparam)
