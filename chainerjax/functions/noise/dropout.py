"""Dropout."""
import jax
import jax.numpy as jnp

from chainerjax import _random
from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _mask_from_key(key_data, shape, dtype, ratio):
    # Uniform numbers are drawn in float32 (as Chainer does on GPU), so the
    # mask of a float16 input is not biased by float16 rounding.
    key = jax.random.wrap_key_data(key_data)
    flag = jax.random.uniform(key, shape, jnp.float32) >= ratio
    scale = dtype.type(1. / (1 - ratio))
    return flag.astype(dtype) * scale


class Dropout(function_node.FunctionNode):
    """``x * mask``, with ``mask`` either given (second input) or drawn in
    ``forward`` from a key (second input, raw ``uint32`` key data).

    The outputs are ``(y, mask)``; the mask does not depend on ``x``.
    """

    # The mask (or key) never gets a gradient.
    _no_grad_inputs = (1,)

    def __init__(self, dropout_ratio, mask=None, return_mask=False):
        if not 0.0 <= dropout_ratio < 1.0:
            raise ValueError('dropout_ratio must be in the range [0, 1)')
        self.dropout_ratio = dropout_ratio
        self.return_mask = return_mask
        self.given_mask = mask is not None

    def check_type_forward(self, in_types):
        type_check._argname(in_types[:1], ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, m = inputs
        if self.given_mask:
            mask = m
        else:
            mask = _mask_from_key(m, x.shape, x.dtype, self.dropout_ratio)
        y = x * mask
        return y.astype(x.dtype), mask


def _parse_kwargs(kwargs):
    if 'train' in kwargs:
        raise ValueError('train argument is not supported anymore. '
                         'Use chainer.using_config')
    mask = kwargs.pop('mask', None)
    return_mask = kwargs.pop('return_mask', False)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))
    return mask, return_mask


def dropout(x, ratio=.5, **kwargs):
    """dropout(x, ratio=.5, *, mask=None, return_mask=False)

    Drops each element of ``x`` with probability ``ratio`` and scales the
    others by ``1 / (1 - ratio)``. In test mode (``chainer.config.train``
    is False) it returns ``x`` unchanged (as a Variable).

    The random mask comes from :func:`chainerjax.random.next_key`, so
    ``chainerjax.random.seed(n)`` or ``numpy.random.seed(n)`` make it
    reproducible, and under ``chainerjax.jit`` it is drawn from the step's
    key.

    Args:
        x (Variable or array): a float array.
        ratio (float): the dropout ratio, in ``[0, 1)``.
        mask (array): keyword only; the mask to use (``ratio`` is then
            ignored), of the shape of ``x``; ``y = x * mask``.
        return_mask (bool): keyword only; also return the mask used (an
            array of the dtype of ``x`` whose elements are ``0`` or
            ``1 / (1 - ratio)``; None in test mode).

    Returns:
        ~chainerjax.Variable, or a tuple ``(y, mask)`` with ``return_mask``.
    """
    mask, return_mask = _parse_kwargs(dict(kwargs))
    if configuration.config.train:
        func = Dropout(ratio, mask, return_mask)
        if mask is None:
            second = jax.random.key_data(_random.next_key())
        else:
            second = variable.as_array(mask)
        out, mask_var = func.apply((x, second))
        mask = mask_var.array
    else:
        out = variable.as_variable(x)
        mask = None
    if return_mask:
        return out, mask
    return out
