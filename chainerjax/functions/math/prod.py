"""Product of array elements."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _normalize_axis(axis):
    if axis is None:
        return None
    if isinstance(axis, int):
        return (axis,)
    if isinstance(axis, tuple) and all(isinstance(a, int) for a in axis):
        if len(set(axis)) != len(axis):
            raise ValueError('duplicate value in axis: ({})'.format(
                ', '.join(map(str, axis))))
        return axis
    raise TypeError('None, int or tuple of int are required')


def check_axes(axis, in_types):
    type_check._argname(in_types, ('x',))
    type_check.expect(in_types[0].dtype.kind == 'f')
    if axis is not None:
        for ax in axis:
            if ax >= 0:
                type_check.expect(ax < in_types[0].ndim)
            else:
                type_check.expect(-ax - 1 < in_types[0].ndim)


class Prod(function_node.FunctionNode):
    """Product over axes (gradient exact also where ``x`` has zeros)."""

    keepdims = False

    def __init__(self, axis=None, keepdims=False):
        self.axis = _normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        check_axes(self.axis, in_types)

    def forward(self, inputs):
        x, = inputs
        return jnp.prod(x, axis=self.axis, keepdims=self.keepdims),


def prod(x, axis=None, keepdims=False):
    """Product of array elements over ``axis``.

    Args:
        x (Variable or array): a float array.
        axis (None, int or tuple of int): the axes (None: all).
        keepdims (bool): keep the reduced axes with size 1.

    Returns:
        ~chainerjax.Variable: the product.
    """
    return Prod(axis, keepdims).apply((x,))[0]

