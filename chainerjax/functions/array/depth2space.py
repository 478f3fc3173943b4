"""Depth to space (pixel shuffle)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class Depth2Space(function_node.FunctionNode):

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
        c //= r ** 2
        # numpy's error (ValueError) when the channels do not divide, as in
        # Chainer, which reshapes with numpy.
        numpy.reshape(numpy.broadcast_to(False, X.shape),
                      (bsize, r, r, c, a, b))
        X = jnp.reshape(X, (bsize, r, r, c, a, b))
        X = jnp.transpose(X, (0, 3, 4, 1, 5, 2))
        return jnp.reshape(X, (bsize, c, a * r, b * r)),


def depth2space(X, r):
    """Moves blocks of ``r * r`` channels into ``r x r`` spatial blocks:
    ``(n, c * r * r, h, w)`` becomes ``(n, c, h * r, w * r)``.

    Args:
        X (Variable or array): a float array of shape ``(n, c * r * r, h,
            w)``.
        r (int): the upscaling factor.

    Returns:
        ~chainerjax.Variable: an array of shape ``(n, c, h * r, w * r)``.
    """
    return Depth2Space(r).apply((X,))[0]
