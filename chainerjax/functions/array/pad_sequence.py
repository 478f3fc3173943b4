"""Padding a list of sequences into one array."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class PadSequence(function_node.FunctionNode):

    def __init__(self, length, padding):
        self.length = length
        self.padding = padding

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x{}'.format(i),))
            type_check.expect(
                in_type.ndim > 0,
                in_type.shape[1:] == in_types[0].shape[1:],
                in_type.dtype == in_types[0].dtype
            )
        if self.length is not None:
            for in_type in in_types:
                type_check.expect(in_type.shape[0] <= self.length)

    def forward(self, xs):
        if self.length is None:
            length = max(len(x) for x in xs)
        else:
            length = self.length
        dtype = xs[0].dtype
        rows = []
        for x in xs:
            widths = ((0, length - len(x)),) + ((0, 0),) * (x.ndim - 1)
            rows.append(jnp.pad(x, widths, mode='constant',
                                constant_values=jnp.asarray(
                                    self.padding).astype(dtype)))
        return jnp.stack(rows),


def pad_sequence(xs, length=None, padding=0):
    """Pads the sequences ``xs`` (arrays of shapes ``(l_i, ...)``) to one
    array of shape ``(len(xs), length, ...)``.

    Args:
        xs (list of Variable or array): the sequences (same trailing shape
            and dtype).
        length (int or None): the padded length (None: the longest).
        padding (scalar): the value of the padding.

    Returns:
        ~chainerjax.Variable: the padded batch.
    """
    return PadSequence(length, padding).apply(xs)[0]
