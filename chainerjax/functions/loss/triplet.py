"""Triplet loss."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Triplet(function_node.FunctionNode):

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
        type_check._argname(in_types, ('anchor', 'positive', 'negative'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].dtype == in_types[2].dtype,
            in_types[0].shape == in_types[1].shape,
            in_types[0].shape == in_types[2].shape,
            in_types[0].shape[0] > 0
        )

    def forward(self, inputs):
        a, p, n = inputs
        dt = a.dtype
        dist = jnp.sum((a - p) ** 2 - (a - n) ** 2, axis=1) \
            + dt.type(self.margin)
        hinge = jnp.where(dist > 0, dist, jnp.zeros((), dt))
        if self.reduce == 'mean':
            hinge = jnp.sum(hinge) / a.shape[0]
        return hinge.astype(dt),


def triplet(anchor, positive, negative, margin=0.2, reduce='mean'):
    """Triplet loss ``max(||a - p||^2 - ||a - n||^2 + margin, 0)``.

    Args:
        anchor, positive, negative (Variable or array): shape ``(N, K)``.
        margin (float): a positive margin.
        reduce (str): ``'mean'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return Triplet(margin, reduce).apply((anchor, positive, negative))[0]
