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
    return Permutate(indices, axis, inv).apply((x,))[0]
