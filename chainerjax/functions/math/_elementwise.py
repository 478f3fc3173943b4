"""Shared pieces of the element-wise math functions (private)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.backend import get_array_module
from chainerjax.utils import type_check


class UnaryFloat(function_node.FunctionNode):
    """An element-wise op of one float array (``x``)."""

    is_elementwise = True
    _label = None

    @property
    def label(self):
        return self._label or self.__class__.__name__

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')


def half_as_single(fn, *xs):
    """Evaluates ``fn`` in float32 when the first input is float16 (as SciPy
    does for half precision) and returns the result in the input dtype."""
    dtype = xs[0].dtype
    if dtype == numpy.float16:
        xs = [x.astype(numpy.float32) for x in xs]
    return jnp.asarray(fn(*xs)).astype(dtype)


def non_differentiable(x, fn, dtype=None):
    """Applies ``fn`` to the array of ``x`` outside the graph, as Chainer
    does for floor, ceil, fix and sign (the result requires no gradient)."""
    if isinstance(x, variable.Variable):
        x = x.array
    xp = get_array_module(x)
    y = xp.asarray(fn(xp, x))
    if dtype is not None:
        y = y.astype(dtype, copy=False)
    return variable.as_variable(y)
