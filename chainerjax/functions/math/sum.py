"""Sum of array elements."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _normalize_axis(axis):
    if axis is None:
        return None
    if isinstance(axis, int):
        return (axis,)
    if isinstance(axis, tuple) and all(isinstance(a, int) for a in axis):
        if len(set(axis)) != len(axis):
            raise ValueError('duplicate value in \'axis\': ({})'.format(
                ', '.join(map(str, axis))))
        return axis
    raise TypeError('None, int or tuple of int are required')


class Sum(function_node.FunctionNode):
    """Sum of array elements over given axes."""

    keepdims = False

    def __init__(self, axis=None, keepdims=False):
        self.axis = _normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        if self.axis is not None:
            for axis in self.axis:
                if axis >= 0:
                    type_check.expect(axis < in_types[0].ndim)
                else:
                    type_check.expect(-axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        if self.axis is not None:
            # numpy's AxisError for a bad axis (when type checks are off),
            # as in Chainer.
            numpy.sum(numpy.broadcast_to(False, (0,) * x.ndim),
                      axis=self.axis)
        return jnp.sum(x, axis=self.axis, keepdims=self.keepdims),


def sum(x, axis=None, keepdims=False):
    """Sum of array elements over given axes.

    Args:
        x (Variable or array): the input.
        axis (None, int or tuple of int): the axes to sum over (None: all).
        keepdims (bool): keep the summed axes with size 1.

    Returns:
        ~chainerjax.Variable: the sum.
    """
    return Sum(axis, keepdims).apply((x,))[0]


def _sum_to_axes(x_shape, shape):
    ndim = len(shape)
    lead = len(x_shape) - ndim
    lead_axis = tuple(range(lead))
    axis = tuple([i + lead for i, sx in enumerate(shape) if sx == 1])
    return lead_axis, axis


class SumTo(function_node.FunctionNode):
    """Sums axes so that the output has the given (broadcastable) shape."""

    def __init__(self, shape):
        self._shape = tuple(shape)

    def forward(self, inputs):
        x, = inputs
        lead_axis, axis = _sum_to_axes(x.shape, self._shape)
        y = jnp.sum(x, axis=lead_axis + axis, keepdims=True)
        if lead_axis:
            y = jnp.squeeze(y, lead_axis)
        # As in Chainer, ``shape`` is not checked: a shape ``x`` does not
        # broadcast to gives the sum over the axes above, of another shape.
        return y,


def sum_to(x, shape):
    """Sums elements along axes to output an array of ``shape``.

    ``shape`` must be one that ``x`` can be broadcast from: ``x``'s
    leading extra axes and the axes where ``shape`` has 1 are summed.

    Args:
        x (Variable or array): the input.
        shape (tuple of int): the target shape.

    Returns:
        ~chainerjax.Variable: an array of shape ``shape`` (``x`` itself,
        as a Variable, when the shapes already agree).
    """
    from chainerjax import variable
    if x.shape == shape:
        return variable.as_variable(x)
    y, = SumTo(shape).apply((x,))
    return y
