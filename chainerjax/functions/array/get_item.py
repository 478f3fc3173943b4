"""Indexing (``x[slices]``): basic and advanced NumPy-style indexing."""
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check

_integer_types = (int, numpy.integer)


def _freeze_slices(slices, shape):
    """Normalizes ``slices`` to a tuple and checks integer bounds (JAX clamps
    out-of-range integers; NumPy and Chainer raise IndexError)."""
    if not isinstance(slices, tuple):
        slices = (slices,)
    frozen = []
    arrays = []
    dim = 0
    for s in slices:
        if isinstance(s, variable.Variable):
            s = s.array
        if isinstance(s, list):
            s = numpy.asarray(s)
        if isinstance(s, _integer_types) and not isinstance(s, bool):
            if dim < len(shape):
                n = shape[dim]
                if not -n <= s < n:
                    raise IndexError(
                        'index {} is out of bounds for axis {} with size '
                        '{}'.format(s, dim, n))
            frozen.append(int(s))
            dim += 1
        elif s is None or s is Ellipsis or isinstance(s, slice):
            frozen.append(s)
            if isinstance(s, slice):
                dim += 1
        elif hasattr(s, 'shape') and hasattr(s, 'dtype'):
            frozen.append(('__array__', len(arrays)))
            arrays.append(s)
            dim += 1
        else:
            # NumPy (and so Chainer) raises IndexError for these.
            raise IndexError(
                'only integers, slices (`:`), ellipsis (`...`), '
                'numpy.newaxis (`None`) and integer or boolean arrays are '
                'valid indices; got {}'.format(type(s)))
    return tuple(frozen), arrays


class GetItem(function_node.FunctionNode):
    """Array indexing; index arrays are passed to the kernel as inputs."""

    def __init__(self, slices, n_index_arrays=0):
        self.slices = slices
        self.n_index_arrays = n_index_arrays

    def check_type_forward(self, in_types):
        type_check.expect(in_types[0].ndim >= 1)

    def forward(self, xs):
        x = xs[0]
        index_arrays = xs[1:]
        key = tuple(index_arrays[s[1]] if isinstance(s, tuple) else s
                    for s in self.slices)
        if len(key) == 1:
            key = key[0]
        return x[key],


def get_item(x, slices):
    """Returns ``x[slices]`` with NumPy's indexing rules.

    Args:
        x (Variable or array): the input.
        slices: an int, slice, Ellipsis, None, integer/boolean array, list,
            or a tuple of these.
    """
    x = variable.as_variable(x) if not isinstance(x, variable.Variable) \
        else x
    frozen, arrays = _freeze_slices(slices, x.shape)
    arrays = [a if isinstance(a, variable.Variable) else
              variable.Variable(a, requires_grad=False) for a in
              (numpy.asarray(a) if isinstance(a, list) else a
               for a in arrays)]
    for a in arrays:
        if a.dtype == numpy.bool_:
            # Boolean masks need concrete shapes: index on the host side.
            return _get_item_boolean(x, slices)
    return GetItem(frozen, len(arrays)).apply((x,) + tuple(arrays))[0]


def _get_item_boolean(x, slices):
    if not isinstance(slices, tuple):
        slices = (slices,)
    converted = []
    for s in slices:
        if isinstance(s, variable.Variable):
            s = s.array
        arr = numpy.asarray(s) if isinstance(s, (list, numpy.ndarray)) or (
            hasattr(s, 'dtype') and getattr(s, 'dtype', None) == numpy.bool_
        ) else s
        if isinstance(arr, numpy.ndarray) and arr.dtype == numpy.bool_:
            converted.extend(numpy.nonzero(arr))
        else:
            converted.append(s)
    return get_item(x, tuple(converted))
