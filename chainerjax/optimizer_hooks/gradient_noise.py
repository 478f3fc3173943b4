import jax
import numpy

from chainerjax import _random
from chainerjax.optimizer_hooks import _common


class _JaxRandom(object):
    """``xp.random`` for JAX arrays: draws from chainerjax's key stream."""

    @staticmethod
    def normal(loc=0.0, scale=1.0, size=None):
        shape = () if size is None else (
            (size,) if isinstance(size, int) else tuple(size))
        key = _random.next_key()
        return loc + scale * jax.random.normal(key, shape)


class _JaxXp(object):
    """``jax.numpy`` with a NumPy-like ``random`` namespace."""

    random = _JaxRandom()

    def __getattr__(self, name):
        return getattr(jax.numpy, name)


_jax_xp = _JaxXp()


def exponential_decay_noise(xp, shape, dtype, hook, opt):
    """Time-dependent annealed Gaussian noise,
    ``N(0, eta / (1 + t) ** 0.55)``.

    On ``'@numpy'`` it draws from NumPy's global generator exactly as
    Chainer does; on JAX devices from ``chainerjax._random.next_key()``.
    """
    std = numpy.sqrt(hook.eta / numpy.power(1 + opt.t, 0.55))
    return xp.random.normal(0, std, shape).astype(dtype)


class GradientNoise(object):
    """Optimizer/UpdateRule hook adding Gaussian noise to the gradients
    (Neelakantan et al. 2015).

    Args:
        eta (float): the noise scale.
        noise_func (callable): ``noise_func(xp, shape, dtype, hook, rule)``
            returning the noise array. ``xp`` is ``numpy`` on ``'@numpy'``
            and a ``jax.numpy`` wrapper whose ``xp.random.normal`` draws from
            chainerjax's key stream on JAX devices.
    """

    name = 'GradientNoise'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, eta, noise_func=exponential_decay_noise):
        self.eta = eta
        self.noise_func = noise_func

    def __call__(self, rule, param):
        gv = param._grad_var
        if gv is None:
            return
        g = gv._data
        if param._device._is_numpy and not isinstance(g, jax.core.Tracer):
            xp = numpy
        else:
            xp = _jax_xp
        noise = self.noise_func(xp, g.shape, g.dtype, self, rule)
        if xp is numpy and type(g) is not numpy.ndarray:
            g = numpy.asarray(g)
        _common.set_grad(param, g + noise)
