"""Huber loss."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class HuberLoss(function_node.FunctionNode):

    def __init__(self, delta, reduce='sum_along_second_axis'):
        self.delta = delta
        if reduce not in ('sum_along_second_axis', 'no'):
            raise ValueError(
                'Only \'sum_along_second_axis\' and \'no\' are valid '
                'for \'reduce\', but \'%s\' is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x, t = inputs
        dtype = x.dtype
        delta = dtype.type(self.delta)
        d = x - t
        ad = d * jnp.sign(d)
        small = ad <= delta
        # gradient clip(d, -delta, delta), as in Chainer; the quadratic
        # branch sees 0 where it is not taken, so that an infinite d does
        # not give it an inf * 0 gradient
        ds = jnp.where(small, d, dtype.type(0))
        y = jnp.where(small, dtype.type(0.5) * ds * ds,
                      delta * (ad - dtype.type(0.5) * delta))
        if self.reduce == 'sum_along_second_axis':
            y = y.sum(axis=1)
        return y.astype(dtype),


def huber_loss(x, t, delta, reduce='sum_along_second_axis'):
    """Huber loss: ``0.5 d^2`` if ``|d| <= delta`` else
    ``delta (|d| - delta / 2)`` with ``d = x - t``.

    Args:
        x, t (Variable or array): the inputs (same shape and dtype).
        delta (float): the threshold.
        reduce (str): ``'sum_along_second_axis'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    return HuberLoss(delta=delta, reduce=reduce).apply((x, t))[0]
