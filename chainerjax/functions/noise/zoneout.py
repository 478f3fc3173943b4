"""Zoneout."""
import jax
import jax.numpy as jnp

from chainerjax import _random
from chainerjax import configuration
from chainerjax import function_node
from chainerjax.utils import type_check


class Zoneout(function_node.FunctionNode):
    """Keeps each element of ``h`` with probability ``zoneout_ratio`` and
    takes ``x`` otherwise; the mask comes from a key (third input)."""

    _no_grad_inputs = (2,)

    def __init__(self, zoneout_ratio):
        self.zoneout_ratio = zoneout_ratio

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)

    def forward(self, inputs):
        h, x, key_data = inputs
        key = jax.random.wrap_key_data(key_data)
        flag_x = jax.random.uniform(key, x.shape, jnp.float32) \
            >= self.zoneout_ratio
        y = jnp.where(flag_x, x, h)
        return y,


def zoneout(h, x, ratio=.5, **kwargs):
    """zoneout(h, x, ratio=.5)

    Zoneout: each element of the output is the previous state ``h`` with
    probability ``ratio`` and the new state ``x`` otherwise. In test mode
    it returns ``x`` itself.

    Args:
        h (Variable or array): the previous state.
        x (Variable or array): the new state (same shape as ``h``).
        ratio (float): the zoneout ratio.

    Returns:
        ~chainerjax.Variable: the output.
    """
    if 'train' in kwargs:
        raise ValueError('train argument is not supported anymore. '
                         'Use chainer.using_config')
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))
    if configuration.config.train:
        key_data = jax.random.key_data(_random.next_key())
        return Zoneout(ratio).apply((h, x, key_data))[0]
    return x
