"""Mean and weighted average."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.math import sum as sum_mod
from chainerjax.utils import type_check


class Mean(function_node.FunctionNode):

    def __init__(self, axis=None, keepdims=False):
        self.axis = sum_mod._normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        return jnp.mean(x, axis=self.axis, keepdims=self.keepdims),


def average(x, axis=None, weights=None, keepdims=False):
    """Weighted average of array elements over given axes.

    Args:
        x (Variable or array): the input.
        axis (None, int or tuple of int): the axes (None: all).
        weights (Variable or array): weights along one ``axis`` (needs an
            int ``axis``), or None for the plain mean.
        keepdims (bool): keep the averaged axes with size 1.
    """
    from chainerjax.functions.array import broadcast, reshape
    if weights is None:
        return Mean(axis, keepdims).apply((x,))[0]
    if axis is None or not isinstance(axis, int):
        raise ValueError('weights can only be used with an int axis')
    from chainerjax import variable
    x = x if isinstance(x, variable.Variable) else variable.as_variable(x)
    ndim = x.ndim
    ax = axis % ndim
    shape = [1] * ndim
    shape[ax] = -1
    w = reshape.reshape(weights, tuple(shape))
    w = broadcast.broadcast_to(w, x.shape)
    num = sum_mod.sum(x * w, axis=ax, keepdims=keepdims)
    den = sum_mod.sum(weights)
    return num / broadcast.broadcast_to(den, num.shape)
