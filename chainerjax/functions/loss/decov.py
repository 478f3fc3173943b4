"""DeCov loss."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class DeCov(function_node.FunctionNode):

    def __init__(self, reduce='half_squared_sum'):
        if reduce not in ('half_squared_sum', 'no'):
            raise ValueError(
                'only \'half_squared_sum\' and \'no\' are valid '
                'for \'reduce\', but \'%s\' is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('h',))
        h_type, = in_types
        type_check.expect(
            h_type.dtype.kind == 'f',
            h_type.ndim == 2,
        )

    def forward(self, inputs):
        h, = inputs
        hc = h - h.mean(axis=0, keepdims=True)
        cov = jnp.dot(hc.T, hc)
        cov = jnp.where(jnp.eye(cov.shape[0], dtype=bool),
                        jnp.zeros((), cov.dtype), cov) / h.dtype.type(len(h))
        if self.reduce == 'half_squared_sum':
            return (jnp.sum(cov * cov) * h.dtype.type(0.5)).astype(h.dtype),
        return cov.astype(h.dtype),


def decov(h, reduce='half_squared_sum'):
    """DeCov loss: the off-diagonal covariance of the activations ``h``
    over the batch, or half the sum of its squares.

    Args:
        h (Variable or array): shape ``(N, M)``.
        reduce (str): ``'half_squared_sum'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return DeCov(reduce).apply((h,))[0]
