"""Mean absolute error."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class MeanAbsoluteError(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x0, x1 = inputs
        dtype = numpy.float32 if x0.dtype == numpy.float16 else x0.dtype
        diff = (x0 - x1).ravel().astype(dtype)
        return (jnp.sum(diff * jnp.sign(diff)) / diff.size).astype(x0.dtype),


def mean_absolute_error(x0, x1):
    """Mean absolute error ``sum(|x0 - x1|) / size``.

    Returns:
        ~chainerjax.Variable: a scalar of the inputs' dtype.
    """
    return MeanAbsoluteError().apply((x0, x1))[0]
