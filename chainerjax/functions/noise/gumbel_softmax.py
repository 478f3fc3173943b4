"""Gumbel-Softmax sampling."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import _random
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class GumbelSoftmax(function_node.FunctionNode):
    """``softmax((log_pi + g) / tau)`` with Gumbel noise ``g`` drawn from a
    key given as the second input (raw key data)."""

    _no_grad_inputs = (1,)

    def __init__(self, tau, axis):
        self.tau = tau
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types[:1], ('log_pi',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        log_pi, key_data = inputs
        key = jax.random.wrap_key_data(key_data)
        g = jax.random.gumbel(key, log_pi.shape,
                              jnp.float32).astype(log_pi.dtype)
        z = (log_pi + g) / log_pi.dtype.type(self.tau)
        return jax.nn.softmax(z, axis=self.axis).astype(log_pi.dtype),


def gumbel_softmax(log_pi, tau=0.1, axis=1):
    """Gumbel-Softmax: a differentiable sample of a categorical
    distribution, ``softmax((log_pi + g) / tau, axis)`` with ``g`` drawn from
    the standard Gumbel distribution (keys from
    :func:`chainerjax.random.next_key`).

    Args:
        log_pi (Variable or array): log of the class probabilities.
        tau (float): the temperature.
        axis (int): the class axis.

    Returns:
        ~chainerjax.Variable: samples of the shape of ``log_pi``.
    """
    data = variable.as_array(log_pi)
    if data.ndim < 1:
        return variable.Variable(numpy.ones((), data.dtype))
    key_data = jax.random.key_data(_random.next_key())
    return GumbelSoftmax(tau, axis).apply((log_pi, key_data))[0]
