"""Local response normalization."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class LocalResponseNormalization(function_node.FunctionNode):

    def __init__(self, n=5, k=2, alpha=1e-4, beta=.75):
        self.n = n
        self.k = k
        self.alpha = alpha
        self.beta = beta

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= 2,
        )

    def forward(self, inputs):
        x, = inputs
        half_n = self.n // 2
        x2 = jnp.square(x)
        c = x.shape[1]
        # Sum of the squares over the channel window [i - half_n, i + half_n].
        pad = [(0, 0)] * x.ndim
        pad[1] = (half_n, half_n)
        x2p = jnp.pad(x2, pad)
        sum_part = x2
        for i in range(1, half_n + 1):
            sum_part = sum_part \
                + jnp.take(x2p, jnp.arange(half_n - i, half_n - i + c), 1) \
                + jnp.take(x2p, jnp.arange(half_n + i, half_n + i + c), 1)
        unit_scale = x.dtype.type(self.k) + x.dtype.type(self.alpha) * sum_part
        y = x * unit_scale ** x.dtype.type(-self.beta)
        return y.astype(x.dtype),


def local_response_normalization(x, n=5, k=2, alpha=1e-4, beta=.75):
    """Local response normalization across channels:
    ``y_i = x_i / (k + alpha * sum_{|j - i| <= n // 2} x_j^2) ^ beta``.

    Args:
        x (Variable or array): input of shape ``(N, C, ...)``.
        n (int): the window size (channels).
        k (float), alpha (float), beta (float): the parameters.

    Returns:
        ~chainerjax.Variable: the output.
    """
    return LocalResponseNormalization(n, k, alpha, beta).apply((x,))[0]
