"""Randomized leaky rectified linear unit."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import _random
from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class RReLU(function_node.FunctionNode):
    """``x`` for ``x >= 0``, ``r * x`` otherwise, with a given slope array."""

    is_elementwise = True

    def __init__(self, lower=1. / 8, upper=1. / 3, r=None):
        if not 0.0 <= lower < 1.0:
            raise ValueError('lower must be in the range [0, 1)')
        if not 0.0 <= upper < 1.0:
            raise ValueError('upper must be in the range [0, 1)')
        if not lower < upper:
            raise ValueError('lower must be less than upper')
        self.lower = lower
        self.upper = upper
        self.r = r

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')
        if self.r is not None:
            type_check.expect(x_type.dtype == self.r.dtype)
            type_check.expect(x_type.shape == self.r.shape)

    def forward(self, inputs):
        x, = inputs
        return jnp.where(x >= 0, x, x * self.r),


def _parse_kwargs(kwargs):
    if 'train' in kwargs:
        raise ValueError(
            'train argument is not supported anymore. '
            'Use chainer.using_config')
    r = kwargs.pop('r', None)
    return_r = kwargs.pop('return_r', False)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))
    return r, return_r


def rrelu(x, l=1. / 8, u=1. / 3, **kwargs):
    """Randomized leaky ReLU: ``x`` if ``x >= 0`` else ``r * x``.

    In training mode (``chainer.config.train``) each element of ``r`` is
    drawn from ``U(l, u)`` unless ``r`` is given; in test mode ``r`` is
    ``(l + u) / 2`` everywhere (a given ``r`` is then ignored, as in
    Chainer).

    Args:
        x (Variable or array): a float array.
        l (float): the lower bound of the slopes, in ``[0, 1)``.
        u (float): the upper bound of the slopes, in ``[0, 1)``.
        r (array): keyword only; the slopes to use (shape and dtype of
            ``x``).
        return_r (bool): keyword only; also return the slopes used.

    Returns:
        ~chainerjax.Variable, or a tuple ``(y, r)`` with ``return_r``.
    """
    r, return_r = _parse_kwargs(dict(kwargs))
    func = RReLU(l, u, r)  # validates l and u first, as Chainer does
    data = x._data if isinstance(x, variable.Variable) else x
    dtype = numpy.dtype(data.dtype)
    if dtype.kind == 'f':
        if not configuration.config.train:
            r = jnp.full(data.shape, (l + u) / 2, dtype=dtype)
        elif r is None:
            r = jax.random.uniform(
                _random.next_key(), data.shape, dtype, l, u)
        if isinstance(data, numpy.ndarray) and isinstance(r, jax.Array) \
                and not isinstance(r, jax.core.Tracer):
            r = numpy.asarray(r)
        func.r = r
    out, = func.apply((x,))
    if return_r:
        return out, func.r
    return out
