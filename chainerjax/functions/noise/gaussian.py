"""Gaussian sampling with the reparameterization trick."""
import jax
import jax.numpy as jnp

from chainerjax import _random
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class Gaussian(function_node.FunctionNode):
    """``mean + exp(ln_var / 2) * eps``; ``eps`` is the third input (given
    noise) or drawn from a key (raw key data) when ``given_eps`` is False.
    Outputs ``(y, eps)``."""

    _no_grad_inputs = (2,)

    def __init__(self, given_eps=False):
        self.given_eps = given_eps

    def check_type_forward(self, in_types):
        type_check._argname(in_types[:2], ('mean', 'ln_var'))
        m_type, v_type = in_types[:2]
        type_check.expect(
            m_type.dtype.kind == 'f',
            m_type.dtype == v_type.dtype,
            m_type.shape == v_type.shape,
        )

    def forward(self, inputs):
        mean, ln_var, e = inputs
        if self.given_eps:
            eps = e.astype(mean.dtype)
        else:
            key = jax.random.wrap_key_data(e)
            eps = jax.random.normal(key, mean.shape,
                                    jnp.float32).astype(mean.dtype)
        noise = jnp.exp(ln_var * mean.dtype.type(0.5)) * eps
        return (mean + noise).astype(mean.dtype), eps


def gaussian(mean, ln_var, **kwargs):
    """gaussian(mean, ln_var, *, eps=None, return_eps=False)

    Draws ``mean + exp(ln_var / 2) * eps`` with ``eps ~ N(0, I)``; the
    gradient flows to ``mean`` and ``ln_var`` (reparameterization trick).
    Unlike dropout it samples in test mode too, as Chainer does.

    Args:
        mean (Variable or array): the mean.
        ln_var (Variable or array): the log of the variance (same shape and
            dtype as ``mean``).
        eps (array): keyword only; the standard normal noise to use.
        return_eps (bool): keyword only; also return the noise used.

    Returns:
        ~chainerjax.Variable, or a tuple ``(y, eps)`` with ``return_eps``.
    """
    eps = kwargs.pop('eps', None)
    return_eps = kwargs.pop('return_eps', False)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))
    if eps is None:
        third = jax.random.key_data(_random.next_key())
    else:
        third = variable.as_array(eps)
    out, eps_var = Gaussian(eps is not None).apply((mean, ln_var, third))
    if return_eps:
        return out, eps_var.array
    return out
