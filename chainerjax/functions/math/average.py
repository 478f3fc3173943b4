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
        weights (Variable or array): the weights: of ``x``'s shape when
            ``axis`` is None, else of the length of the one axis averaged
            over; None for the plain mean.
        keepdims (bool): keep the averaged axes with size 1.
    """
    from chainerjax.functions.array import broadcast, reshape
    if weights is None:
        return Mean(axis, keepdims).apply((x,))[0]
    from chainerjax import variable
    x = variable.as_variable(x)
    ndim = x.ndim
    if axis is None:
        pass
    elif isinstance(axis, tuple):
        axis = sorted(a + ndim if a < 0 else a for a in axis)
        for a, b in zip(axis, axis[1:]):
            if a == b:
                raise ValueError('duplicate value in \'axis\'')
        axis = tuple(axis)
    else:
        if axis < 0:
            axis += ndim
        axis = (axis,)
    if axis is not None and len(axis) > 1:
        raise ValueError(
            'tuple axis is not supported when weights is given')
    divider = sum_mod.sum(weights)
    if axis is not None:
        w_shape = tuple(d if i in axis else 1
                        for i, d in enumerate(x.shape))
        weights = broadcast.broadcast_to(
            reshape.reshape(weights, w_shape), x.shape)
    x_sum = sum_mod.sum(x * weights, axis, keepdims)
    return x_sum / broadcast.broadcast_to(divider, x_sum.shape)
