"""Repeating elements (``numpy.repeat``)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check

_integer_types = (int, numpy.integer)


class Repeat(function_node.FunctionNode):

    def __init__(self, repeats, axis=None):
        if isinstance(repeats, _integer_types):
            self.repeats = (int(repeats),)
        elif isinstance(repeats, tuple) and all(
                isinstance(x, _integer_types) for x in repeats):
            self.repeats = tuple(int(x) for x in repeats)
        else:
            raise TypeError('repeats must be int or tuple of ints')
        if not all(x >= 0 for x in self.repeats):
            raise ValueError('all elements in repeats must be zero or larger')
        if axis is not None and (
                not isinstance(axis, _integer_types) or
                isinstance(axis, bool)):
            raise TypeError('axis must be int or None')
        self.axis = None if axis is None else int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        repeats = self.repeats
        if len(repeats) == 1:
            repeats = repeats[0]
            total = None
        else:
            repeats = numpy.asarray(repeats)
            total = int(repeats.sum())
            n = x.size if self.axis is None else x.shape[self.axis]
            if len(repeats) != n:
                # NumPy's error.
                raise ValueError(
                    'operands could not be broadcast together with shape '
                    '({},) ({},)'.format(n, len(repeats)))
        return jnp.repeat(x, repeats, self.axis,
                          total_repeat_length=total),


def repeat(x, repeats, axis=None):
    """Repeats each element of ``x``, as ``numpy.repeat``.

    Args:
        x (Variable or array): the input.
        repeats (int or tuple of int): the repetitions (one number, or one
            per element along ``axis``).
        axis (int or None): the axis along which to repeat (None: the
            flattened array).

    Returns:
        ~chainerjax.Variable: the array with repeated elements.
    """
    return Repeat(repeats, axis).apply((x,))[0]
