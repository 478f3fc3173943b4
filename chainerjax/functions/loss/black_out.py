"""BlackOut loss."""
import jax
import jax.numpy as jnp
import jax.scipy.special  # NOQA

from chainerjax import function_node
from chainerjax.utils import type_check


class BlackOut(function_node.FunctionNode):
    """Inputs ``x, t, W, samples``."""

    def __init__(self, reduce='mean'):
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't', 'W', 'samples'))
        x_type, t_type, w_type, s_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            t_type.dtype.kind == 'i',
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
            w_type.dtype == x_type.dtype,
            w_type.ndim == 2,
            s_type.dtype.kind == 'i',
            s_type.ndim == 2,
            s_type.shape[0] == x_type.shape[0],
        )

    def forward(self, inputs):
        x, t, W, samples = inputs
        neg_y = jnp.einsum('bsk,bk->bs', W[samples], x)
        pos_y = jnp.sum(W[t] * x, axis=1)
        logz = jax.scipy.special.logsumexp(
            jnp.concatenate([pos_y[:, None], neg_y], axis=1), axis=1)
        ny = jnp.log(1 - jnp.exp(neg_y - logz[:, None]))
        loss = -(pos_y - logz + jnp.sum(ny, axis=1))
        if self.reduce == 'mean':
            loss = jnp.mean(loss)
        return loss.astype(x.dtype),


def black_out(x, t, W, samples, reduce='mean'):
    """BlackOut loss (a sampled softmax with weighted negative samples).

    Args:
        x (Variable or array): inputs of shape ``(N, D)``.
        t (Variable or array): int targets of shape ``(N,)``.
        W (Variable or array): the output embeddings ``(V, D)``.
        samples (Variable or array): int negative samples ``(N, S)``.
        reduce (str): ``'mean'``, or ``'no'`` (as in Chainer, any other
            value is taken as ``'no'``).

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return BlackOut(reduce).apply((x, t, W, samples))[0]
