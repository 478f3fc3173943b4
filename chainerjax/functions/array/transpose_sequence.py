"""Transposing a list of sequences (batch-major to time-major)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class TransposeSequence(function_node.FunctionNode):

    def __init__(self, length):
        self._length = length

    def check_type_forward(self, xs_type):
        for p, n in zip(xs_type, xs_type[1:]):
            type_check.expect(
                p.shape[0] >= n.shape[0],
                p.shape[1:] == n.shape[1:],
            )

    def forward(self, xs):
        if not xs:
            return ()
        outs = []
        for t in range(self._length):
            outs.append(jnp.stack([x[t] for x in xs if len(x) > t]))
        return tuple(outs)


def transpose_sequence(xs):
    """Transposes a list of sequences sorted by decreasing length: the
    ``t``-th output holds the ``t``-th elements of the sequences longer
    than ``t``.

    Args:
        xs (list of Variable or array): sequences of shapes ``(l_i, ...)``
            with ``l_0 >= l_1 >= ...``.

    Returns:
        tuple of ~chainerjax.Variable: ``len(xs[0])`` arrays.
    """
    if not xs:
        return ()
    return TransposeSequence(len(xs[0])).apply(xs)
