"""Contrastive loss."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


@jax.custom_jvp
def _norm(diff):
    return jnp.sqrt(jnp.sum(diff * diff, axis=1))


@_norm.defjvp
def _norm_jvp(primals, tangents):
    # Chainer divides by max(dist, eps) in backward, so a zero distance gives
    # a zero gradient instead of NaN.
    diff, = primals
    t, = tangents
    dist = _norm(diff)
    eps = 5e-3 if diff.dtype == jnp.float16 else 1e-7
    safe = jnp.maximum(dist, diff.dtype.type(eps))
    return dist, jnp.sum(diff * t, axis=1) / safe


class Contrastive(function_node.FunctionNode):

    def __init__(self, margin, reduce='mean'):
        if margin <= 0:
            raise ValueError('margin should be positive value.')
        self.margin = margin
        if reduce not in ('mean', 'no'):
            raise ValueError(
                'only \'mean\' and \'no\' are valid for \'reduce\', but '
                '\'%s\' is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1', 'y'))
        x0_type, x1_type, y_type = in_types
        type_check.expect(
            x0_type.dtype.kind == 'f',
            x0_type.dtype == x1_type.dtype,
            y_type.dtype.kind == 'i',
            x0_type.shape == x1_type.shape,
            x1_type.shape[0] == y_type.shape[0],
            x1_type.shape[0] > 0,
            x0_type.ndim == 2,
            x1_type.ndim == 2,
            y_type.ndim == 1
        )

    def forward(self, inputs):
        x0, x1, y = inputs
        dt = x0.dtype
        diff = x0 - x1
        dist_sq = jnp.sum(diff * diff, axis=1)
        mdist = dt.type(self.margin) - _norm(diff)
        md = jnp.where(mdist > 0, mdist, jnp.zeros((), dt))
        yf = y.astype(dt)
        loss = (yf * dist_sq + (1 - yf) * md * md) * dt.type(.5)
        if self.reduce == 'mean':
            loss = jnp.sum(loss) / x0.shape[0]
        return loss.astype(dt),


def contrastive(x0, x1, y, margin=1, reduce='mean'):
    """Contrastive loss of pairs ``(x0, x1)`` with labels ``y`` (1:
    similar, 0: dissimilar): ``y d^2 / 2 + (1 - y) max(margin - d, 0)^2 / 2``
    with ``d = ||x0 - x1||``.

    Args:
        x0, x1 (Variable or array): shape ``(N, K)``.
        y (Variable or array): int labels of shape ``(N,)``.
        margin (float): a positive margin.
        reduce (str): ``'mean'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return Contrastive(margin, reduce).apply((x0, x1, y))[0]
