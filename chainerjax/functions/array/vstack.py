"""Vertical stacking (``numpy.vstack``)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Vstack(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        ndim = type_check.eval(in_types[0].ndim)
        for i in range(1, type_check.eval(in_types.size())):
            type_check.expect(
                in_types[0].dtype == in_types[i].dtype,
                in_types[0].ndim == in_types[i].ndim,
            )
            if ndim <= 1:
                type_check.expect(in_types[0].shape == in_types[i].shape)
                continue
            for d in range(1, ndim):
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        return jnp.vstack(xs),


def vstack(xs):
    """Concatenates arrays along the first axis (0-D and 1-D arrays are
    first made rows), as ``numpy.vstack``.

    Args:
        xs (list of Variable or array): the arrays.

    Returns:
        ~chainerjax.Variable: the stacked array.
    """
    return Vstack().apply(xs)[0]
