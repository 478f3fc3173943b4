"""Concatenation along an axis."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Concat(function_node.FunctionNode):

    def __init__(self, axis=1):
        if not isinstance(axis, int):
            raise TypeError('axis must be int')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check.expect(in_types[0].ndim >
                          type_check.make_variable(self.axis, 'axis'))
        type_check.expect(
            -in_types[0].ndim <= self.axis,
            self.axis < in_types[0].ndim
        )
        ndim = type_check.eval(in_types[0].ndim)
        axis = self.axis % ndim
        for i in range(1, type_check.eval(in_types.size())):
            type_check.expect(
                in_types[0].dtype == in_types[i].dtype,
                in_types[0].ndim == in_types[i].ndim,
            )
            for d in range(0, ndim):
                if d == axis:
                    continue
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        return jnp.concatenate(xs, axis=self.axis),


def concat(xs, axis=1):
    """Concatenates the variables ``xs`` along ``axis``."""
    return Concat(axis).apply(tuple(xs))[0]
