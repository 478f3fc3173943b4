"""Maximum and minimum over axes, and their indices."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.functions.math import prod as prod_mod
from chainerjax.utils import type_check


def _select(fn, x, axis, keepdims):
    # Chainer sends the full gradient to every element equal to the result
    # (all of them when there are ties); JAX would split it. Hence a
    # custom JVP: d y = sum((x == y) * d x).
    @jax.custom_jvp
    def select(x):
        return fn(x, axis=axis, keepdims=keepdims)

    @select.defjvp
    def select_jvp(primals, tangents):
        x, = primals
        t, = tangents
        y = select(x)
        mask = x == fn(x, axis=axis, keepdims=True)
        ty = jnp.sum(jnp.where(mask, t, jnp.zeros((), t.dtype)), axis=axis,
                     keepdims=keepdims)
        return y, ty

    return select(x)


class SelectorBase(function_node.FunctionNode):
    """Base of :class:`Max` and :class:`Min`."""

    _fn = None

    def __init__(self, axis=None, keepdims=False):
        self.keepdims = keepdims
        self.axis = prod_mod._normalize_axis(axis)

    def check_type_forward(self, in_types):
        prod_mod.check_axes(self.axis, in_types)

    def forward(self, inputs):
        return _select(type(self)._fn, inputs[0], self.axis, self.keepdims),


class Max(SelectorBase):
    _fn = staticmethod(jnp.max)


class Min(SelectorBase):
    _fn = staticmethod(jnp.min)


class IndexSelectorBase(function_node.FunctionNode):
    """Base of :class:`ArgMax` and :class:`ArgMin` (int32 output, no
    gradient)."""

    _fn = None

    def __init__(self, axis=None):
        if axis is None or (isinstance(axis, int)
                            and not isinstance(axis, bool)):
            self.axis = axis
        else:
            raise TypeError('None or int are required')

    def check_type_forward(self, in_types):
        type_check.expect(
            in_types.size() == 1,
            in_types[0].dtype.kind == 'f'
        )
        if self.axis is not None:
            if self.axis >= 0:
                type_check.expect(self.axis < in_types[0].ndim)
            else:
                type_check.expect(-self.axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        return type(self)._fn(inputs[0], axis=self.axis).astype(
            numpy.int32),


class ArgMax(IndexSelectorBase):
    _fn = staticmethod(jnp.argmax)


class ArgMin(IndexSelectorBase):
    _fn = staticmethod(jnp.argmin)


def max(x, axis=None, keepdims=False):
    """Maximum over ``axis``; every element equal to the maximum gets the
    full gradient.

    Args:
        x (Variable or array): a float array.
        axis (None, int or tuple of int): the axes (None: all).
        keepdims (bool): keep the reduced axes with size 1.

    Returns:
        ~chainerjax.Variable: the maxima.
    """
    return Max(axis, keepdims).apply((x,))[0]


def min(x, axis=None, keepdims=False):
    """Minimum over ``axis``; every element equal to the minimum gets the
    full gradient.

    Args:
        x (Variable or array): a float array.
        axis (None, int or tuple of int): the axes (None: all).
        keepdims (bool): keep the reduced axes with size 1.

    Returns:
        ~chainerjax.Variable: the minima.
    """
    return Min(axis, keepdims).apply((x,))[0]


def argmax(x, axis=None):
    """Indices of the maxima along ``axis`` (int32, not differentiable).

    Args:
        x (Variable or array): a float array.
        axis (None or int): the axis (None: of the flattened array).

    Returns:
        ~chainerjax.Variable: int32 indices.
    """
    return ArgMax(axis).apply((x,))[0]


def argmin(x, axis=None):
    """Indices of the minima along ``axis`` (int32, not differentiable).

    Args:
        x (Variable or array): a float array.
        axis (None or int): the axis (None: of the flattened array).

    Returns:
        ~chainerjax.Variable: int32 indices.
    """
    return ArgMin(axis).apply((x,))[0]
