"""Cross-covariance loss."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class CrossCovariance(function_node.FunctionNode):

    def __init__(self, reduce='half_squared_sum'):
        if reduce not in ('half_squared_sum', 'no'):
            raise ValueError(
                'Only \'half_squared_sum\' and \'no\' are valid '
                'for \'reduce\', but \'%s\' is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('y', 'z'))
        y_type, z_type = in_types
        type_check.expect(
            y_type.dtype.kind == 'f',
            y_type.dtype == z_type.dtype,
            y_type.ndim == 2,
            z_type.ndim == 2,
            y_type.shape[0] == z_type.shape[0]
        )

    def forward(self, inputs):
        y, z = inputs
        yc = y - y.mean(axis=0, keepdims=True)
        zc = z - z.mean(axis=0, keepdims=True)
        cov = jnp.dot(yc.T, zc) / y.dtype.type(len(y))
        if self.reduce == 'half_squared_sum':
            return (jnp.sum(cov * cov) * y.dtype.type(0.5)).astype(y.dtype),
        return cov.astype(y.dtype),


def cross_covariance(y, z, reduce='half_squared_sum'):
    """Cross-covariance loss: the cross-covariance matrix of ``y`` and
    ``z`` (over the batch), or half the sum of its squares.

    Args:
        y, z (Variable or array): shape ``(N, M)`` and ``(N, K)``.
        reduce (str): ``'half_squared_sum'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return CrossCovariance(reduce).apply((y, z))[0]
