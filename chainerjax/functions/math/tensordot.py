"""Tensor dot product."""
import collections.abc

import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _axes_of(axes, a_ndim, b_ndim):
    a_axes = [[], []]
    b_axes = [[], []]
    if isinstance(axes, collections.abc.Sequence):
        a_axes[1], b_axes[0] = axes
        if numpy.isscalar(a_axes[1]):
            a_axes[1] = (a_axes[1],)
        if numpy.isscalar(b_axes[0]):
            b_axes[0] = (b_axes[0],)
    else:
        a_axes[1] = range(a_ndim - axes, a_ndim)
        b_axes[0] = range(axes)
    a_axes[0] = [i for i in range(a_ndim) if i not in a_axes[1]]
    b_axes[1] = [i for i in range(b_ndim) if i not in b_axes[0]]
    return a_axes, b_axes


class TensorDot(function_node.FunctionNode):
    """``numpy.tensordot(a, b, axes)``."""

    def __init__(self, axes=2, a_axes=None, b_axes=None, c_axes=None,
                 dtype=None):
        if isinstance(axes, collections.abc.Sequence):
            if len(axes) != 2:
                raise ValueError('axes must be a pair of sequence of integers '
                                 'when it is a list or tuple.')
            axes = tuple(tuple(a) if isinstance(a, collections.abc.Sequence)
                         else a for a in axes)
        elif isinstance(axes, int):
            pass
        else:
            raise TypeError('axes must be a pair of sequence of integers or '
                            'an integer')
        self.axes = axes
        self.dtype = dtype

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
        )

    def forward(self, inputs):
        a, b = inputs
        a_axes, b_axes = _axes_of(self.axes, a.ndim, b.ndim)
        if len(a_axes[1]) != len(b_axes[0]):
            raise ValueError('axes count mismatch')
        if a.ndim < len(a_axes[1]) or b.ndim < len(b_axes[0]):
            raise ValueError('dimension of input tensors must be greater '
                             'equal to dot-axes count ({})'.format(
                                 len(a_axes[1])))
        for a_axis, b_axis in zip(a_axes[1], b_axes[0]):
            if a.shape[a_axis] != b.shape[b_axis]:
                raise ValueError('shape mismatch')
        y = jnp.tensordot(a, b, axes=(tuple(a_axes[1]), tuple(b_axes[0])))
        if self.dtype is not None:
            y = y.astype(self.dtype)
        return y,


def tensordot(a, b, axes=2):
    """Tensor dot product along the given axes (``numpy.tensordot``).

    Args:
        a (Variable or array): the first float array.
        b (Variable or array): the second float array.
        axes (int or pair of sequences): an int ``N`` sums the last ``N``
            axes of ``a`` with the first ``N`` of ``b``; a pair
            ``(a_axes, b_axes)`` names the summed axes.

    Returns:
        ~chainerjax.Variable: the product.
    """
    return TensorDot(axes=axes).apply((a, b))[0]
