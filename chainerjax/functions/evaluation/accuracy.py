"""Classification accuracy."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Accuracy(function_node.FunctionNode):
    """Not differentiable: no input gets a gradient."""

    _no_grad_inputs = (0, 1)

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i'
        )
        t_ndim = type_check.eval(t_type.ndim)
        type_check.expect(
            x_type.ndim >= t_type.ndim,
            x_type.shape[0] == t_type.shape[0],
            x_type.shape[2: t_ndim + 1] == t_type.shape[1:]
        )
        for i in range(t_ndim + 1, type_check.eval(x_type.ndim)):
            type_check.expect(x_type.shape[i] == 1)

    def forward(self, inputs):
        y, t = inputs
        pred = jnp.argmax(y, axis=1).reshape(t.shape)
        if self.ignore_label is not None:
            mask = t == self.ignore_label
            ignore_cnt = jnp.sum(mask)
            pred = jnp.where(mask, jnp.asarray(self.ignore_label, t.dtype),
                             pred)
            count = jnp.sum(pred == t) - ignore_cnt
            total = t.size - ignore_cnt
            # Chainer divides in float64, then casts.
            acc = jnp.where(
                total == 0, 0.0,
                count.astype(jnp.float64) /
                jnp.maximum(total, 1).astype(jnp.float64))
            return acc.astype(y.dtype),
        return jnp.mean((pred == t).astype(y.dtype), dtype=y.dtype),


def accuracy(y, t, ignore_label=None):
    """The fraction of samples whose argmax prediction is the label.

    Args:
        y (Variable or array): float scores of shape ``(n, c, ...)``.
        t (Variable or array): int labels of shape ``(n, ...)``.
        ignore_label (int or None): labels to leave out of the count.

    Returns:
        ~chainerjax.Variable: a scalar of ``y``'s dtype (0 when every label
        is ignored).
    """
    return Accuracy(ignore_label=ignore_label).apply((y, t))[0]
