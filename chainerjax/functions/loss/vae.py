"""Losses for variational auto-encoders."""
import math

import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _check_reduce(reduce):
    if reduce not in ('sum', 'mean', 'no'):
        raise ValueError(
            'only \'sum\', \'mean\' and \'no\' are valid for \'reduce\', but '
            '\'%s\' is given' % reduce)


def _reduce(loss, reduce):
    if reduce == 'sum':
        return jnp.sum(loss).astype(loss.dtype)
    if reduce == 'mean':
        return jnp.mean(loss).astype(loss.dtype)
    return loss


def _check_same(in_types, names):
    type_check._argname(in_types, names)
    type_check.expect(in_types[0].dtype.kind == 'f')
    for t in in_types[1:]:
        type_check.expect(t.dtype == in_types[0].dtype)


class GaussianKLDivergence(function_node.FunctionNode):

    def __init__(self, reduce='sum'):
        self.reduce = reduce

    def check_type_forward(self, in_types):
        _check_same(in_types, ('mean', 'ln_var'))

    def forward(self, inputs):
        mean, ln_var = inputs
        loss = (mean * mean + jnp.exp(ln_var) - ln_var - 1) \
            * mean.dtype.type(0.5)
        return _reduce(loss.astype(mean.dtype), self.reduce),


class BernoulliNLL(function_node.FunctionNode):

    def __init__(self, reduce='sum'):
        self.reduce = reduce

    def check_type_forward(self, in_types):
        _check_same(in_types, ('x', 'y'))

    def forward(self, inputs):
        x, y = inputs
        loss = jnp.logaddexp(jnp.zeros((), y.dtype), y) - x * y
        return _reduce(loss.astype(y.dtype), self.reduce),


class GaussianNLL(function_node.FunctionNode):

    def __init__(self, reduce='sum'):
        self.reduce = reduce

    def check_type_forward(self, in_types):
        _check_same(in_types, ('x', 'mean', 'ln_var'))

    def forward(self, inputs):
        x, mean, ln_var = inputs
        dt = x.dtype
        d = x - mean
        x_power = d * d * jnp.exp(-ln_var) * dt.type(-0.5)
        loss = (ln_var + dt.type(math.log(2 * math.pi))) / 2 - x_power
        return _reduce(loss.astype(dt), self.reduce),


def gaussian_kl_divergence(mean, ln_var, reduce='sum'):
    """KL divergence of ``N(mean, exp(ln_var))`` from ``N(0, I)``:
    ``(mean^2 + exp(ln_var) - ln_var - 1) / 2``, summed (``'sum'``),
    averaged (``'mean'``) or element-wise (``'no'``).

    Returns:
        ~chainerjax.Variable: the loss.
    """
    _check_reduce(reduce)
    return GaussianKLDivergence(reduce).apply((mean, ln_var))[0]


def bernoulli_nll(x, y, reduce='sum'):
    """Negative log-likelihood of ``x`` under Bernoulli distributions of
    logits ``y``: ``softplus(y) - x * y``.

    Args:
        x (Variable or array): the data.
        y (Variable or array): the logits (before the sigmoid).
        reduce (str): ``'sum'``, ``'mean'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    _check_reduce(reduce)
    return BernoulliNLL(reduce).apply((x, y))[0]


def gaussian_nll(x, mean, ln_var, reduce='sum'):
    """Negative log-likelihood of ``x`` under ``N(mean, exp(ln_var))``.

    Args:
        x, mean, ln_var (Variable or array): same shape and dtype.
        reduce (str): ``'sum'``, ``'mean'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    _check_reduce(reduce)
    return GaussianNLL(reduce).apply((x, mean, ln_var))[0]
