"""Permuting an array along an axis."""
import jax.numpy as jnp
import numpy

import chainerjax
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _check_indices(indices):
    # Runs on the host (debug mode only), as Chainer's check.
    indices = numpy.asarray(indices)
    if len(indices) == 0:
        return
    for i in indices:
        if 0 <= i < len(indices):
            continue
        raise ValueError('Out of bounds index: {}'.format(i))
    sort = numpy.sort(indices)
    for s, t in zip(sort, sort[1:]):
        if s == t:
            raise ValueError('indices contains duplicate value: {}'.format(s))


def _check_bounds(indices, shape, axis, inv):
    # numpy's IndexError for an index out of range (JAX would clamp it), as
    # in Chainer on NumPy, which indexes with numpy (the inverse permutation
    # first writes at ``indices`` into an array of ``len(indices)``). Only
    # NumPy indices are checked: reading a device array would synchronize.
    # (a bad axis is left to the type check)
    if not isinstance(indices, numpy.ndarray) or len(indices) == 0 or \
            not 0 <= max(axis, 0) < len(shape):
        return
    size = shape[max(axis, 0)]
    if inv:
        size = min(size, len(indices))
    for i in (indices.min(), indices.max()):
        if not -size <= i < size:
            raise IndexError(
                'index {} is out of bounds for axis {} with size {}'.format(
                    i, max(axis, 0), size))


class Permutate(function_node.FunctionNode):
    """Permutes ``x`` along ``axis`` by the (array attribute) ``indices``."""

    def __init__(self, indices, axis, inv):
        self.indices = indices
        self.axis = axis
        self.inv = inv

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis < 0:
            type_check.expect(x_type.ndim >= -self.axis)
        else:
            type_check.expect(x_type.ndim > self.axis)

    def forward(self, inputs):
        x, = inputs
        indices = jnp.asarray(self.indices)
        if self.inv:
            indices = jnp.zeros_like(indices).at[indices].set(
                jnp.arange(len(indices), dtype=indices.dtype))
        # Chainer indexes with ``(slice(None),) * axis + (indices,)``, so a
        # negative axis permutes axis 0; kept for compatibility.
        axis = max(self.axis, 0)
        return x[(slice(None),) * axis + (indices,)],


def permutate(x, indices, axis=0, inv=False):
    """Permutes ``x`` along ``axis``: ``y[i] = x[indices[i]]`` (or the
    inverse permutation, ``y[indices[i]] = x[i]``, if ``inv``).

    Args:
        x (Variable or array): the input.
        indices (Variable or array): a 1-D int array holding a permutation.
        axis (int): the axis to permute.
        inv (bool): apply the inverse permutation.

    Returns:
        ~chainerjax.Variable: the permuted array.
    """
    if indices.dtype.kind != 'i' or indices.ndim != 1:
        raise ValueError('indices should be a one-dimensional int array')
    if isinstance(indices, variable.Variable):
        indices = indices.array
    if chainerjax.is_debug():
        _check_indices(indices)
    _check_bounds(indices, x.shape, axis, inv)
    return Permutate(indices, axis, inv).apply((x,))[0]
