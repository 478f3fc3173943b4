"""Adam and its variants (``chainer.optimizers.Adam``, ``AdamW``,
``AMSGrad``, ``AdaBound``, ``AMSBound``).

optax's ``adam`` puts the bias correction on the moments and has no ``eta``
multiplier, decoupled weight decay on this form, AMSGrad on the corrected
moment or AdaBound; Chainer folds the correction into the step size
``alpha_t = alpha * sqrt(1 - beta2**t) / (1 - beta1**t)`` and adds ``eps``
outside the square root of the uncorrected second moment. The rule is
therefore written here, following Chainer (float16 parameters computed in
float32, moments stored in the parameter dtype).
"""
import math
import warnings

import jax.numpy as jnp
import numpy

from chainerjax import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.alpha = 0.001
_default_hyperparam.beta1 = 0.9
_default_hyperparam.beta2 = 0.999
_default_hyperparam.eps = 1e-8
_default_hyperparam.eta = 1.0
_default_hyperparam.weight_decay_rate = 0
_default_hyperparam.amsgrad = False
_default_hyperparam.adabound = False
_default_hyperparam.final_lr = 0.1
_default_hyperparam.gamma = 1e-3


def _learning_rate(hp, t):
    if t == 0:
        raise RuntimeError(
            'Can\'t determine the learning rate of Adam optimizer '
            'because the update steps have not been started.')
    fix1 = 1. - math.pow(hp.beta1, t)
    fix2 = 1. - math.pow(hp.beta2, t)
    return hp.alpha * math.sqrt(fix2) / fix1


def _get_intermediate_dtype(dtype):
    if dtype == numpy.float16:
        return numpy.float32
    return dtype


class AdamRule(optimizer.UpdateRule):
    """Update rule of Adam (states ``m``, ``v``, and ``vhat`` with
    ``amsgrad``).

    Args:
        parent_hyperparam (~chainerjax.optimizer.Hyperparameter): defaults.
        alpha (float): coefficient of the learning rate.
        beta1 (float): decay rate of the first order moment.
        beta2 (float): decay rate of the second order moment.
        eps (float): small value for numerical stability.
        eta (float): schedule multiplier (warm restarts).
        weight_decay_rate (float): decoupled weight decay rate.
        amsgrad (bool): use AMSGrad.
        adabound (bool): use AdaBound.
        final_lr (float): final (SGD) learning rate of AdaBound.
        gamma (float): convergence speed of AdaBound's bounds.
    """

    is_elementwise = True
    _hyper_names = ('alpha', 'beta1', 'beta2', 'eps', 'eta',
                    'weight_decay_rate', 'final_lr', 'gamma',
                    'initial_alpha', 't')

    def __init__(self, parent_hyperparam=None,
                 alpha=None, beta1=None, beta2=None, eps=None,
                 eta=None, weight_decay_rate=None, amsgrad=None,
                 adabound=None, final_lr=None, gamma=None):
        super(AdamRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        hp = self.hyperparam
        for name, value in (('alpha', alpha), ('beta1', beta1),
                            ('beta2', beta2), ('eps', eps), ('eta', eta),
                            ('weight_decay_rate', weight_decay_rate),
                            ('amsgrad', amsgrad), ('adabound', adabound),
                            ('final_lr', final_lr), ('gamma', gamma)):
            if value is not None:
                setattr(hp, name, value)
        if hp.adabound:
            self.initial_alpha = hp.alpha

    def init_state(self, param):
        self.state['m'] = optimizer._zeros_like(param)
        self.state['v'] = optimizer._zeros_like(param)
        if self.hyperparam.amsgrad:
            self.state['vhat'] = optimizer._zeros_like(param)

    def _check_eps(self, interm_dtype):
        hp = self.hyperparam
        if not isinstance(hp.eps, (int, float, numpy.number)):
            return
        eps = interm_dtype(hp.eps)
        if hp.eps != 0 and eps == 0:
            raise ValueError(
                'eps of Adam optimizer is too small for {} ({})'.format(
                    numpy.dtype(interm_dtype).name, hp.eps))

    def _check_hyperparameters(self, param):
        self._check_eps(_get_intermediate_dtype(param.dtype.type))

    def _static_config(self):
        hp = self.hyperparam
        return (bool(hp.amsgrad), bool(hp.adabound))

    def _hyper_values(self):
        hp = self.hyperparam
        initial_alpha = self.initial_alpha if hp.adabound else 1.0
        return (hp.alpha, hp.beta1, hp.beta2, hp.eps, hp.eta,
                hp.weight_decay_rate, hp.final_lr, hp.gamma, initial_alpha,
                self.t)

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        amsgrad, adabound = static
        pdt = param.dtype
        dt = jnp.float32 if pdt == jnp.float16 else pdt
        t = hp['t']
        beta1, beta2 = hp['beta1'], hp['beta2']
        g = grad.astype(dt)
        m, v = state['m'], state['v']
        m32 = m.astype(dt)
        m = (m32 + (1 - beta1).astype(dt) * (g - m32)).astype(m.dtype)
        v32 = v.astype(dt)
        v = (v32 + (1 - beta2).astype(dt) * (g * g - v32)).astype(v.dtype)
        new_state = {'m': m, 'v': v}
        if amsgrad:
            vhat = jnp.maximum(state['vhat'], v)
            new_state['vhat'] = vhat
        else:
            vhat = v
        alpha_t = hp['alpha'] * jnp.sqrt(1. - beta2 ** t) / (1. - beta1 ** t)
        step = alpha_t.astype(dt) / (
            jnp.sqrt(vhat.astype(dt)) + hp['eps'].astype(dt))
        if adabound:
            final_lr = hp['final_lr'] * hp['alpha'] / hp['initial_alpha']
            gt = hp['gamma'] * t
            lower = final_lr * (1.0 - 1.0 / (gt + 1))
            upper = final_lr * (1.0 + 1.0 / gt)
            step = jnp.clip(step, lower.astype(dt), upper.astype(dt))
        eta = hp['eta']
        a = (1.0 - eta * hp['weight_decay_rate']).astype(pdt)
        new = (a * param).astype(dt) \
            + (-eta).astype(dt) * (step * m.astype(dt))
        return new.astype(pdt), new_state

    @property
    def alpha_t(self):
        return _learning_rate(self.hyperparam, self.t)

    @property
    def lr(self):
        warnings.warn(
            'AdamRule.lr has been renamed to AdamRule.alpha_t. '
            'Use of AdamRule.lr is deprecated in Chainer v6.',
            DeprecationWarning)
        return self.alpha_t

    @property
    def bounds(self):
        if self.t == 0:
            raise RuntimeError(
                'Can\'t determine the bounds of AdaBound optimizer '
                'because the update steps have not been started.')
        hp = self.hyperparam
        final_lr = hp.final_lr * hp.alpha / self.initial_alpha
        lower = final_lr * (1.0 - 1.0 / (hp.gamma * self.t + 1))
        upper = final_lr * (1.0 + 1.0 / (hp.gamma * self.t))
        return lower, upper


class Adam(optimizer.GradientMethod):
    """Adam optimizer, with decoupled weight decay (``eta``,
    ``weight_decay_rate``), AMSGrad (``amsgrad``) and AdaBound
    (``adabound``, ``final_lr``, ``gamma``) options.

    Args:
        alpha (float): coefficient of the learning rate.
        beta1 (float): decay rate of the first order moment.
        beta2 (float): decay rate of the second order moment.
        eps (float): small value for numerical stability.
        eta (float): schedule multiplier (warm restarts).
        weight_decay_rate (float): decoupled weight decay rate.
        amsgrad (bool): use AMSGrad.
        adabound (bool): use AdaBound (with ``amsgrad``: AMSBound).
        final_lr (float): final (SGD) learning rate of AdaBound.
        gamma (float): convergence speed of AdaBound's bounds.
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate,
                 amsgrad=_default_hyperparam.amsgrad,
                 adabound=_default_hyperparam.adabound,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma):
        super(Adam, self).__init__()
        hp = self.hyperparam
        hp.alpha = alpha
        hp.beta1 = beta1
        hp.beta2 = beta2
        hp.eps = eps
        hp.eta = eta
        hp.weight_decay_rate = weight_decay_rate
        hp.amsgrad = amsgrad
        hp.adabound = adabound
        hp.final_lr = final_lr
        hp.gamma = gamma

    alpha = optimizer.HyperparameterProxy('alpha')
    beta1 = optimizer.HyperparameterProxy('beta1')
    beta2 = optimizer.HyperparameterProxy('beta2')
    eps = optimizer.HyperparameterProxy('eps')
    eta = optimizer.HyperparameterProxy('eta')
    weight_decay_rate = optimizer.HyperparameterProxy('weight_decay_rate')
    amsgrad = optimizer.HyperparameterProxy('amsgrad')
    adabound = optimizer.HyperparameterProxy('adabound')
    final_lr = optimizer.HyperparameterProxy('final_lr')
    gamma = optimizer.HyperparameterProxy('gamma')

    def create_update_rule(self):
        return AdamRule(self.hyperparam)

    @property
    def alpha_t(self):
        return _learning_rate(self.hyperparam, self.t)

    @property
    def lr(self):
        warnings.warn(
            'Adam.lr has been renamed to AdamRule.alpha_t. '
            'Use of Adam.lr is deprecated in Chainer v6.',
            DeprecationWarning)
        return self.alpha_t


class AdamW(Adam):
    """Adam with decoupled weight decay (``Adam`` with ``eta`` and
    ``weight_decay_rate``)."""

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(AdamW, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            weight_decay_rate=weight_decay_rate)


class AMSGrad(Adam):
    """Adam with ``amsgrad=True``."""

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta):
        super(AMSGrad, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            amsgrad=True)


class AdaBound(Adam):
    """Adam with ``adabound=True``."""

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta):
        super(AdaBound, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            amsgrad=False, adabound=True, final_lr=final_lr, gamma=gamma)


class AMSBound(Adam):
    """Adam with ``amsgrad=True`` and ``adabound=True``."""

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta):
        super(AMSBound, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            amsgrad=True, adabound=True, final_lr=final_lr, gamma=gamma)
