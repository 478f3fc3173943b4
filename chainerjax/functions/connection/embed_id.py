"""Embedding lookup."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class EmbedIDFunction(function_node.FunctionNode):
    """``W[x]``; rows of ``x == ignore_label`` are zero and get no
    gradient."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        x_type, w_type = in_types
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'i',
            x_type.ndim >= 1,
        )
        type_check.expect(
            w_type.dtype.kind == 'f',
            w_type.ndim == 2
        )

    def forward(self, inputs):
        x, W = inputs
        if self.ignore_label is None:
            return W[x],
        mask = x == self.ignore_label
        y = W[jnp.where(mask, 0, x)]
        return jnp.where(mask[..., None], jnp.zeros((), W.dtype), y),


def embed_id(x, W, ignore_label=None):
    """Embedding lookup: ``y[..., :] = W[x[...], :]``.

    Args:
        x (Variable or array): integer ids of any shape ``(...)``
            (``ndim >= 1``).
        W (Variable or array): the embedding matrix
            ``(n_vocab, n_units)``.
        ignore_label (int or None): ids equal to it give zero rows (and no
            gradient to ``W``).

    Returns:
        ~chainerjax.Variable: output of shape ``x.shape + (n_units,)``.

    In debug mode (``chainer.config.debug``), ids outside
    ``[0, n_vocab)`` (other than ``ignore_label``) raise ValueError as in
    Chainer; otherwise negative ids count from the end (as NumPy indexing
    does) and ids past the end are clamped to the last row.
    """
    if configuration.config.debug:
        xd = x._data if isinstance(x, variable.Variable) else x
        wd = W._data if isinstance(W, variable.Variable) else W
        if not isinstance(xd, jax.core.Tracer):
            xa = numpy.asarray(xd)
            valid = numpy.logical_and(0 <= xa, xa < len(wd))
            if ignore_label is not None:
                valid = numpy.logical_or(valid, xa == ignore_label)
            if not valid.all():
                raise ValueError('Each not ignored `x` value need to '
                                 'satisfy `0 <= x < len(W)`')
    return EmbedIDFunction(ignore_label=ignore_label).apply((x, W))[0]
