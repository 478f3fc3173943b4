"""Strided views (``numpy.lib.stride_tricks.as_strided``), as a gather."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _strided_indices(shape, strides, storage_offset):
    """Element indices (into the flattened input) of a strided view."""
    idx = numpy.full(tuple(shape), storage_offset, dtype=numpy.int64)
    for axis, (n, s) in enumerate(zip(shape, strides)):
        r = numpy.arange(n, dtype=numpy.int64) * s
        idx = idx + r.reshape((n,) + (1,) * (len(shape) - axis - 1))
    return idx


class AsStrided(function_node.FunctionNode):
    """Gathers ``x.ravel()[offset + sum_k i_k * strides[k]]``.

    JAX arrays have no memory layout to view, so, unlike Chainer, the
    strides and the storage offset count elements of the C-contiguous
    flattening of ``x`` (not of the memory ``x`` is a view of), and the
    result is a copy. The gradient scatters-adds back (elements read
    several times get the sum of their gradients, as in Chainer).
    """

    def __init__(self, shape, strides, storage_offset=None):
        self.shape = tuple(shape)
        self.strides = tuple(strides)
        self.storage_offset = storage_offset

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    def forward(self, inputs):
        x, = inputs
        offset = 0 if self.storage_offset is None else self.storage_offset
        idx = _strided_indices(self.shape, self.strides, offset)
        if idx.size:
            if idx.min() < 0:
                raise ValueError(
                    'Out of buffer: too small index was specified')
            if idx.max() >= x.size:
                raise ValueError(
                    'Out of buffer: too large index was specified')
        return jnp.ravel(x)[idx],


def as_strided(x, shape, strides, storage_offset=None):
    """Creates a strided view of ``x``'s elements (as a new array).

    ``y[i_0, ..., i_n] = x.ravel()[storage_offset + sum_k i_k *
    strides[k]]``.

    Args:
        x (Variable or array): the input.
        shape (tuple of int): the shape of the result.
        strides (tuple of int): the steps, in elements, of each axis of the
            result (negative and zero steps are allowed).
        storage_offset (int or None): the index of ``y[0, ..., 0]`` in
            ``x.ravel()`` (None: 0).

    Returns:
        ~chainerjax.Variable: the strided array.

    .. note::
        In Chainer the strides and offset refer to the memory of the array
        ``x`` is a view of; here they refer to ``x.ravel()``, which is the
        same for C-contiguous arrays that are not views.
    """
    return AsStrided(shape, strides, storage_offset).apply((x,))[0]
