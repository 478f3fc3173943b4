"""Group normalization."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class GroupNormalization(function_node.FunctionNode):

    def __init__(self, groups, eps=1e-5):
        if not isinstance(groups, int):
            raise TypeError('Argument: \'groups\' type must be (int).')
        self.groups = groups
        self.eps = eps

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= 2,
            gamma_type.ndim == 1,
            beta_type.ndim == 1,
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            x_type.shape[1] == gamma_type.shape[0],
            gamma_type.shape == beta_type.shape,
        )

    def forward(self, inputs):
        x, gamma, beta = inputs
        interm = jnp.promote_types(x.dtype, gamma.dtype)
        n, c = x.shape[:2]
        xg = x.reshape(n * self.groups, -1).astype(interm)
        mean = jnp.mean(xg, axis=1, keepdims=True)
        xc = xg - mean
        var = jnp.mean(xc * xc, axis=1, keepdims=True)
        x_hat = (xc * jax.lax.rsqrt(var + interm.type(self.eps)))
        y = x_hat.reshape(n, c, -1) * gamma.astype(interm)[:, None] \
            + beta.astype(interm)[:, None]
        return y.reshape(x.shape).astype(x.dtype),


def group_normalization(x, groups, gamma, beta, eps=1e-5):
    """Group normalization: normalizes each group of ``groups`` channel
    groups of each sample, then scales and shifts per channel.

    Args:
        x (Variable or array): input of shape ``(N, C, ...)``.
        groups (int): the number of groups (must divide ``C``).
        gamma, beta (Variable or array): scale and shift of shape ``(C,)``.
        eps (float): added to the variance.

    Returns:
        ~chainerjax.Variable: the output.
    """
    c = variable.as_array(x).shape[1] if variable.as_array(x).ndim >= 2 \
        else None
    if c is not None and isinstance(groups, int) and c % groups != 0:
        raise ValueError('The number of channels {} is not divisible by '
                         '\'groups\' argument {}.'.format(c, groups))
    return GroupNormalization(groups, eps).apply((x, gamma, beta))[0]
