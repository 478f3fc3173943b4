"""Cumulative sum."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _check_axis(axis):
    if isinstance(axis, int) or axis is None:
        return axis
    raise TypeError('axis must be int or None')


def _check_axis_type(axis, in_types):
    type_check._argname(in_types, ('x',))
    type_check.expect(in_types[0].dtype.kind == 'f')
    if axis is not None:
        if axis >= 0:
            type_check.expect(axis < in_types[0].ndim)
        else:
            type_check.expect(-axis - 1 < in_types[0].ndim)


class Cumsum(function_node.FunctionNode):
    """Cumulative sum along an axis (of the flattened array for None)."""

    def __init__(self, axis=None):
        self.axis = _check_axis(axis)

    def check_type_forward(self, in_types):
        _check_axis_type(self.axis, in_types)

    def forward(self, inputs):
        return jnp.cumsum(inputs[0], axis=self.axis),


def cumsum(x, axis=None):
    """Cumulative sum along ``axis``.

    Args:
        x (Variable or array): a float array.
        axis (int or None): the axis; None flattens ``x`` first.

    Returns:
        ~chainerjax.Variable: the cumulative sums (1-D for ``axis=None``).
    """
    return Cumsum(axis).apply((x,))[0]
