"""Splitting along an axis."""
import collections.abc

import jax.numpy as jnp
import numpy

import chainerjax
from chainerjax import function_node
from chainerjax.utils import type_check

_integer_types = (int, numpy.integer)


def _get_indices_or_sections(indices_or_sections):
    """Returns ``(indices, None)`` for a sequence of split points and
    ``(None, sections)`` for a number of sections."""
    ios = indices_or_sections
    is_seq = False
    if isinstance(ios, numpy.ndarray):
        if ios.dtype.kind != 'i' and ios.size > 0:
            raise TypeError('indices_or_sections must be integers')
        if ios.ndim >= 2:
            raise TypeError('indices_or_sections must be 1-D sequence')
        is_seq = ios.ndim != 0
        ios = ios.tolist()
    elif isinstance(ios, collections.abc.Sequence):
        ios = list(ios)
        is_seq = True
    elif isinstance(ios, _integer_types):
        ios = int(ios)
    else:
        raise TypeError(
            'indices_or_sections must be integer or 1-D array.\n'
            'Actual: {}'.format(type(indices_or_sections)))
    if is_seq and chainerjax.is_debug():
        for p, n in zip(ios, ios[1:]):
            if p > n:
                raise ValueError('indices_or_sections must be sorted')
    if is_seq:
        return tuple(int(i) for i in ios), None
    return None, ios


class SplitAxis(function_node.FunctionNode):

    def __init__(self, indices_or_sections, axis):
        indices, sections = _get_indices_or_sections(indices_or_sections)
        self.indices = indices
        self.sections = sections
        self.axis = axis

    @property
    def indices_or_sections(self):
        return self.indices if self.indices is not None else self.sections

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        type_check.expect(in_types[0].ndim > self.axis)
        if self.indices is not None:
            indices = self.indices
            if len(indices) > 0:
                max_index = type_check.make_variable(indices[-1], 'max_index')
                type_check.expect(in_types[0].shape[self.axis] >= max_index)
        else:
            sections = type_check.make_variable(self.sections, 'sections')
            type_check.expect(in_types[0].shape[self.axis] % sections == 0)

    def forward(self, inputs):
        x, = inputs
        if self.indices is None:
            return tuple(jnp.split(x, self.sections, self.axis))
        # numpy.split's semantics (jnp.split rejects unsorted indices):
        # piece i is x[indices[i - 1]:indices[i]] along the axis, possibly
        # empty.
        bounds = (0,) + self.indices + (None,)
        index = [slice(None)] * x.ndim
        pieces = []
        for start, stop in zip(bounds[:-1], bounds[1:]):
            index[self.axis] = slice(start, stop)
            pieces.append(x[tuple(index)])
        return tuple(pieces)


def split_axis(x, indices_or_sections, axis, force_tuple=True):
    """Splits ``x`` along ``axis``, as ``numpy.split``.

    Args:
        x (Variable or array): the input.
        indices_or_sections (int or 1-D sequence of int): the number of
            equal sections, or the sorted split points.
        axis (int): the axis to split.
        force_tuple (bool): return a tuple even when there is one piece
            (False: return that Variable itself).

    Returns:
        tuple of ~chainerjax.Variable, or one Variable (see
        ``force_tuple``).
    """
    res = SplitAxis(indices_or_sections, axis).apply((x,))
    if force_tuple or len(res) != 1:
        return res
    return res[0]
