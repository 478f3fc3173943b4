"""Space to depth (inverse pixel shuffle)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class Space2Depth(function_node.FunctionNode):

    def __init__(self, r):
        self.r = r

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f',
                          in_types[0].ndim == 4)

    def forward(self, inputs):
        X, = inputs
        r = self.r
        bsize, c, a, b = X.shape
        # numpy's error (ValueError) when r does not divide the size, as in
        # Chainer, which reshapes with numpy.
        numpy.reshape(numpy.broadcast_to(False, X.shape),
                      (bsize, c, a // r, r, b // r, r))
        X = jnp.reshape(X, (bsize, c, a // r, r, b // r, r))
        X = jnp.transpose(X, (0, 3, 5, 1, 2, 4))
        return jnp.reshape(X, (bsize, r ** 2 * c, a // r, b // r)),


def space2depth(X, r):
    """Moves ``r x r`` spatial blocks into channels: ``(n, c, h * r, w *
    r)`` becomes ``(n, c * r * r, h, w)`` (the inverse of
    :func:`depth2space`).

    Args:
        X (Variable or array): a float array of shape ``(n, c, h * r, w *
            r)``.
        r (int): the downscaling factor.

    Returns:
        ~chainerjax.Variable: an array of shape ``(n, c * r * r, h, w)``.
    """
    return Space2Depth(r).apply((X,))[0]
