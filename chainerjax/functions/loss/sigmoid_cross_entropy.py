"""Sigmoid cross entropy."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class SigmoidCrossEntropy(function_node.FunctionNode):

    ignore_label = -1

    def __init__(self, normalize=True, reduce='mean'):
        self.normalize = normalize
        if reduce not in ('mean', 'no'):
            raise ValueError(
                'only \'mean\' and \'no\' are valid for \'reduce\', but '
                '\'%s\' is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            x_type.shape == t_type.shape
        )

    def forward(self, inputs):
        x, t = inputs
        mask = t != self.ignore_label
        # log(1 + exp(x)) - x * t: its gradient is sigmoid(x) - t everywhere,
        # as in Chainer.
        loss = (jnp.logaddexp(jnp.zeros((), x.dtype), x)
                - x * t.astype(x.dtype))
        loss = jnp.where(mask, loss, jnp.zeros((), x.dtype))
        if self.reduce != 'mean':
            return loss.astype(x.dtype),
        if self.normalize:
            count = jnp.maximum(1, jnp.sum(mask))
        else:
            count = max(1, len(x))
        return (jnp.sum(loss) / count).astype(x.dtype),


def sigmoid_cross_entropy(x, t, normalize=True, reduce='mean'):
    """Sigmoid cross entropy of scores ``x`` and binary labels ``t``
    (``-1`` labels are ignored).

    Args:
        x (Variable or array): scores.
        t (Variable or array): int labels (0, 1 or -1), shape of ``x``.
        normalize (bool): with ``reduce='mean'``, divide by the number of
            non-ignored labels (True) or by the batch size (False).
        reduce (str): ``'mean'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return SigmoidCrossEntropy(normalize, reduce).apply((x, t))[0]
