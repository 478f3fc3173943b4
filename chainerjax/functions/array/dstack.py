"""Depth-wise stacking (``numpy.dstack``)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class Dstack(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check._argname((in_types[0],), ('x0',))
        ndim = type_check.eval(in_types[0].ndim)
        for i in range(1, type_check.eval(in_types.size())):
            type_check._argname((in_types[i],), ('x{}'.format(i),))
            type_check.expect(
                in_types[0].dtype == in_types[i].dtype,
                in_types[0].ndim == in_types[i].ndim,
            )
            if ndim <= 2:
                type_check.expect(in_types[0].shape == in_types[i].shape)
                continue
            for d in range(0, ndim):
                if d == 2:
                    continue
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        return jnp.dstack(xs),


def dstack(xs):
    """Concatenates arrays along the third axis (arrays of ``ndim < 3``
    are first reshaped as ``numpy.dstack`` does).

    Args:
        xs (list of Variable or array): the arrays.

    Returns:
        ~chainerjax.Variable: the stacked array.
    """
    return Dstack().apply(xs)[0]
