"""Discriminative margin-based clustering loss."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _l1(x, axis):
    return jnp.sum(x * jnp.sign(x), axis=axis)


def _l2(x, axis):
    s = jnp.sum(x * x, axis=axis)
    pos = s > 0
    return jnp.where(pos, jnp.sqrt(jnp.where(pos, s, 1)), 0)


def _relu(x):
    return jnp.where(x > 0, x, jnp.zeros((), x.dtype))


class DiscriminativeMarginBasedClusteringLoss(function_node.FunctionNode):
    """Inputs ``embeddings (N, C, H, W), labels (N, H, W)``; outputs the
    variance, distance and regularization terms."""

    def __init__(self, delta_v=0.5, delta_d=1.5, max_embedding_dim=10,
                 norm=1, alpha=1.0, beta=1.0, gamma=0.001):
        self.delta_v = delta_v
        self.delta_d = delta_d
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.max_embedding_dim = max_embedding_dim
        if self.max_embedding_dim <= 0:
            raise ValueError('Max number of embeddings has to be positive!')
        if norm not in (1, 2):
            raise ValueError('For discriminative loss, '
                             'norm can only be 1 or 2. '
                             'Obtained the value : {}'.format(norm))
        self.norm = norm

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('embeddings', 'labels'))
        e, l = in_types
        type_check.expect(e.dtype.kind == 'f', e.ndim == 4,
                          l.dtype.kind == 'i', l.ndim == 3)

    def forward(self, inputs):
        emb, labels = inputs
        dt = emb.dtype
        norm = _l1 if self.norm == 1 else _l2
        K = self.max_embedding_dim
        n = emb.shape[0]
        cls = jnp.arange(1, K + 1)[:, None, None, None, None]
        ms = (labels[None, :, None] == cls)                 # (K, N, 1, H, W)
        msf = ms.astype(dt)
        e = emb[None]                                        # (1, N, C, H, W)
        counts = jnp.sum(msf, axis=(2, 3, 4))                # (K, N)
        mns = jnp.sum(e * msf, axis=(3, 4)) \
            / jnp.maximum(counts, 1)[:, :, None]             # (K, N, C)
        l_reg = jnp.sum(norm(mns, (1, 2))) / (K * n)
        l_var = norm((mns[:, :, :, None, None] - e) * msf, 2)
        l_var = _relu(l_var - dt.type(self.delta_v)) ** 2
        l_var = jnp.sum(l_var, axis=(1, 2, 3)) \
            / jnp.maximum(jnp.sum(msf, axis=(1, 2, 3, 4)), 1)
        l_var = jnp.sum(l_var) / K
        ia, ib = numpy.triu_indices(K, 1)
        count = len(ia)
        if count:
            dist = norm(mns[ia] - mns[ib], 2)                # (pairs, N)
            l_dist = jnp.sum(_relu(dt.type(2 * self.delta_d) - dist) ** 2)
        else:
            l_dist = jnp.zeros((), dt)
        l_dist = l_dist / max(count * n, 1)
        return ((self.alpha * l_var).astype(dt),
                (self.beta * l_dist).astype(dt),
                (self.gamma * l_reg).astype(dt))


def discriminative_margin_based_clustering_loss(
        embeddings, labels, delta_v, delta_d, max_embedding_dim, norm=1,
        alpha=1.0, beta=1.0, gamma=0.001):
    """Discriminative margin-based clustering loss (De Brabandere et al.).

    Args:
        embeddings (Variable or array): ``(N, C, H, W)`` pixel embeddings.
        labels (array): int instance labels ``(N, H, W)`` (0: background,
            ``1..max_embedding_dim``: instances).
        delta_v (float): the variance-term margin.
        delta_d (float): the distance-term margin.
        max_embedding_dim (int): the number of instance labels; must equal
            ``C``.
        norm (int): 1 or 2.
        alpha, beta, gamma (float): weights of the three terms.

    Returns:
        tuple of Variable: the variance, distance and regularization losses.
    """
    f = DiscriminativeMarginBasedClusteringLoss(
        delta_v, delta_d, max_embedding_dim, norm, alpha, beta, gamma)
    from chainerjax import variable
    assert max_embedding_dim == variable.as_array(embeddings).shape[1]
    return f.apply((embeddings, labels))
