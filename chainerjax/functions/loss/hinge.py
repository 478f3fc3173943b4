"""Hinge loss."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Hinge(function_node.FunctionNode):

    def __init__(self, norm='L1', reduce='mean'):
        if norm in ['L1', 'L2']:
            self.norm = norm
        else:
            raise NotImplementedError('norm should be either \'L1\' or \'L2\'')
        if reduce in ['mean', 'no']:
            self.reduce = reduce
        else:
            raise ValueError(
                'only \'mean\' and \'no\' are valid for \'reduce\', but '
                '\'%s\' is given' % reduce)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        x, t = inputs
        onehot = jnp.arange(x.shape[1])[None, :] == t[:, None]
        v = 1 + jnp.where(onehot, -x, x)
        # gradient 0 where the margin is exactly met, as in Chainer; a NaN
        # margin stays NaN, with a NaN gradient (v * sign(v) there), as
        # Chainer's sign(max(0, v)) gives
        zero = jnp.zeros((), x.dtype)
        d = jnp.where(v > 0, v, jnp.where(v <= 0, zero, v * jnp.sign(v)))
        loss = d if self.norm == 'L1' else d * d
        if self.reduce == 'mean':
            loss = jnp.sum(loss) / len(x)
        return loss.astype(x.dtype),


def hinge(x, t, norm='L1', reduce='mean'):
    """Hinge loss for one-vs-all classification:
    ``max(0, 1 - l * x)`` with ``l = +1`` for the true class and ``-1``
    otherwise (squared with ``norm='L2'``).

    Args:
        x (Variable or array): scores of shape ``(N, K)``.
        t (Variable or array): int labels of shape ``(N,)``.
        norm (str): ``'L1'`` or ``'L2'``.
        reduce (str): ``'mean'`` (sum divided by ``N``) or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return Hinge(norm, reduce).apply((x, t))[0]
