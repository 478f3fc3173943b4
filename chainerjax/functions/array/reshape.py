"""Reshape."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _count_unknown_dims(shape):
    return sum(1 for s in shape if s < 0)


class Reshape(function_node.FunctionNode):

    def __init__(self, shape):
        self.shape = tuple(shape)
        unknown = _count_unknown_dims(self.shape)
        if unknown > 1:
            # AssertionError, as Chainer's ``assert``.
            raise AssertionError('Shape can contain at most one unknown '
                                 'dimension (-1).')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if _count_unknown_dims(self.shape) == 0:
            type_check.expect(
                type_check.prod(x_type.shape) == type_check.prod(self.shape))
        else:
            known = 1
            for s in self.shape:
                if s > 0:
                    known *= s
            size_var = type_check.make_variable(
                known, 'known_size(=%d)' % known)
            type_check.expect(type_check.prod(x_type.shape) % size_var == 0)

    def forward(self, inputs):
        return jnp.reshape(inputs[0], self.shape),


def reshape(x, shape):
    """Reshapes an array to ``shape`` (one entry may be -1)."""
    if isinstance(shape, (int, numpy.integer)):
        shape = (int(shape),)
    shape = tuple(int(s) for s in shape)
    return Reshape(shape).apply((x,))[0]
