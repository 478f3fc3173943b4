"""Moving axes to new positions."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _as_axes(axes):
    if isinstance(axes, (int, numpy.integer)) and not isinstance(axes, bool):
        return (int(axes),)
    return axes


def _check_axes(axes, ndim, what):
    if not all(isinstance(a, (int, numpy.integer)) for a in axes):
        raise TypeError('int or tuple of int are required.')
    normalized = [a % ndim for a in axes]
    if len(set(normalized)) != len(normalized):
        raise ValueError('duplicate value in {} axis: ({})'.format(
            what, ', '.join(map(str, normalized))))


class Moveaxis(function_node.FunctionNode):

    def __init__(self, source, destination):
        self.source = _as_axes(source)
        self.destination = _as_axes(destination)
        if isinstance(self.source, list):
            self.source = tuple(self.source)
        if isinstance(self.destination, list):
            self.destination = tuple(self.destination)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        for axes in (self.source, self.destination):
            if axes is None:
                continue
            for axis in axes:
                if axis >= 0:
                    type_check.expect(axis < in_types[0].ndim)
                else:
                    type_check.expect(-axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        _check_axes(self.source, x.ndim, 'source')
        _check_axes(self.destination, x.ndim, 'destination')
        if len(self.source) != len(self.destination):
            raise ValueError(
                'Length of source and destination are different.')
        return jnp.moveaxis(x, self.source, self.destination),


def moveaxis(x, source, destination):
    """Moves the axes ``source`` of ``x`` to the positions ``destination``.

    Args:
        x (Variable or array): a float input.
        source (int or tuple of int): the axes to move.
        destination (int or tuple of int): their new positions.

    Returns:
        ~chainerjax.Variable: the array with its axes moved.
    """
    return Moveaxis(source, destination).apply((x,))[0]
