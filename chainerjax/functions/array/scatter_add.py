"""Scatter-add into a copy of an array (``numpy.add.at``)."""
import numpy

import chainerjax
from chainerjax import function_node
from chainerjax import variable
from chainerjax.functions.array import get_item
from chainerjax.utils import type_check


class ScatterAdd(function_node.FunctionNode):
    """``y = a.copy(); numpy.add.at(y, slices, b)``. Index arrays of
    ``slices`` are further inputs (like :class:`GetItem`)."""

    def __init__(self, slices, n_index_arrays=0):
        self.slices = slices
        self.n_index_arrays = n_index_arrays

    def check_type_forward(self, in_types):
        type_check._argname(in_types[:2], ('a', 'b'))
        n_nones = len([item for item in self.slices if item is None])
        valid_slice = len(self.slices) - n_nones
        type_check.expect(in_types[0].ndim >= valid_slice)

    def forward(self, xs):
        a, b = xs[:2]
        index_arrays = xs[2:]
        key = tuple(index_arrays[s[1]] if isinstance(s, tuple) else s
                    for s in self.slices)
        # numpy.add.at casts b to a's dtype (JAX warns and will refuse).
        return a.at[key].add(b.astype(a.dtype)),


def _normalize_slices(slices):
    if isinstance(slices, list):
        if all([isinstance(s, int) for s in slices]):
            slices = (slices,)
        slices = tuple(slices)
    elif not isinstance(slices, tuple):
        slices = (slices,)
    if chainerjax.is_debug():
        if sum(1 for s in slices if s is Ellipsis) > 1:
            raise ValueError('Only one Ellipsis is allowed')
    out = []
    for s in slices:
        if isinstance(s, variable.Variable):
            s = s.array
        if isinstance(s, list):
            s = numpy.asarray(s)
        if hasattr(s, 'dtype') and s.dtype == numpy.bool_:
            # Boolean masks need a static shape: turn them into integer
            # index arrays on the host.
            out.extend(numpy.nonzero(numpy.asarray(s)))
        else:
            out.append(s)
    return tuple(out)


def scatter_add(a, slices, b):
    """Returns a copy of ``a`` with ``b`` added at ``a[slices]``; repeated
    indices accumulate (``numpy.add.at``).

    Args:
        a (Variable or array): the base array.
        slices: an int, slice, Ellipsis, None, integer/boolean array, list,
            or a tuple of these.
        b (Variable or array): the values to add; its shape must be that of
            ``a[slices]`` (no broadcasting).

    Returns:
        ~chainerjax.Variable: the result, of the shape of ``a``.
    """
    slices = _normalize_slices(slices)
    shape = a.shape
    frozen, arrays = get_item._freeze_slices(slices, shape)
    # The shape of a[slices], computed on the host without data.
    probe = numpy.broadcast_to(numpy.zeros((), numpy.int8), shape)
    host_key = tuple(numpy.asarray(arrays[s[1]]) if isinstance(s, tuple)
                     else s for s in frozen)
    try:
        view_shape = probe[host_key].shape
    except IndexError:
        # Report too many indices as Chainer's type check does.
        node = ScatterAdd(frozen, len(arrays))
        node._check_data_type_forward(tuple(
            v._data if isinstance(v, variable.Variable) else v
            for v in (a, b) + tuple(arrays)))
        raise
    if view_shape != tuple(b.shape):
        raise ValueError('Chainer does not support automatic broadcasting '
                         'of variables.')
    arrays = [variable.Variable(a_, requires_grad=False) for a_ in arrays]
    return ScatterAdd(frozen, len(arrays)).apply(
        (a, b) + tuple(arrays))[0]
