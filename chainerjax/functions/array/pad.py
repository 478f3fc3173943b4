"""Padding (``numpy.pad``)."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _hashable(v):
    if isinstance(v, (numpy.ndarray, jax.Array)):
        return _hashable(numpy.asarray(v).tolist())
    if isinstance(v, (list, tuple)):
        return tuple(_hashable(e) for e in v)
    if isinstance(v, numpy.generic):
        return v.item()
    return v


class Pad(function_node.FunctionNode):
    """Pads ``x``. As in Chainer, the gradient of ``x`` is the gradient of
    the output at the positions of ``x`` only, whatever the mode: values
    copied into the padding (modes such as ``'edge'`` or ``'reflect'``)
    pass no gradient back."""

    def __init__(self, pad_width, mode, **keywords):
        self.mode = mode
        self.keywords = {k: _hashable(v) for k, v in keywords.items()}
        self.pad_width = _hashable(pad_width)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        if self.mode == 'constant':
            return jnp.pad(x, self.pad_width, mode='constant',
                           **self.keywords),
        # Zero padding carries the gradient (a slice of gy); the padded
        # values come from a gradient-free copy.
        inner = jnp.pad(x, self.pad_width, mode='constant')
        full = jax.lax.stop_gradient(
            jnp.pad(x, self.pad_width, mode=self.mode, **self.keywords))
        mask = jnp.pad(jnp.ones(x.shape, bool), self.pad_width,
                       mode='constant')
        return jnp.where(mask, inner, full),


def pad(x, pad_width, mode, **keywords):
    """Pads ``x`` as ``numpy.pad`` does.

    Args:
        x (Variable or array): a float input.
        pad_width (int or array-like): the numbers of values padded to the
            edges of each axis.
        mode (str): the padding mode of ``numpy.pad`` (e.g. ``'constant'``,
            ``'edge'``, ``'reflect'``).
        constant_values (int or array-like): the padding values of the
            ``'constant'`` mode.

    Returns:
        ~chainerjax.Variable: the padded array.
    """
    return Pad(pad_width, mode, **keywords).apply((x,))[0]
