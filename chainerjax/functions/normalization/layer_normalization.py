"""Layer normalization."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class LayerNormalization(function_node.FunctionNode):

    def __init__(self, eps=1e-5):
        self.eps = eps

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            gamma_type.ndim == 1,
            beta_type.ndim == 1,
            gamma_type.dtype == x_type.dtype,
            beta_type.dtype == x_type.dtype,
            gamma_type.shape == beta_type.shape,
        )

    def forward(self, inputs):
        x, gamma, beta = inputs
        mu = jnp.mean(x, axis=1, keepdims=True)
        x_mu = x - mu
        var = jnp.mean(jnp.square(x_mu), axis=1, keepdims=True)
        inv_std = 1. / jnp.sqrt(var + x.dtype.type(self.eps))
        y = x_mu * inv_std * gamma[None] + beta[None]
        return y.astype(x.dtype),


def layer_normalization(x, gamma, beta, eps=1e-5):
    """Layer normalization: normalizes each row of a 2-d ``x`` by its mean
    and (biased) variance, then scales by ``gamma`` and shifts by ``beta``.

    Args:
        x (Variable or array): input of shape ``(N, C)``.
        gamma, beta (Variable or array): shape ``(C,)``, dtype of ``x``.
        eps (float): added to the variance.

    Returns:
        ~chainerjax.Variable: the output.
    """
    return LayerNormalization(eps).apply((x, gamma, beta))[0]
