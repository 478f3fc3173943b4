"""Casting to another dtype."""
import numpy

from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class Cast(function_node.FunctionNode):
    """Casts an array to ``typ``; the gradient is cast back to the input's
    dtype (JAX's derivative of ``astype``), and integer inputs get none."""

    def __init__(self, typ):
        self.type = numpy.dtype(typ)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        return x.astype(self.type),


def cast(x, typ):
    """Casts ``x`` to the dtype ``typ``.

    Args:
        x (Variable or array): the input.
        typ (str or numpy.dtype): the target dtype.

    Returns:
        ~chainerjax.Variable: the cast array. Gradients flow back in the
        dtype of ``x``.
    """
    if x.dtype == typ:
        if not configuration.config.enable_backprop:
            return variable.as_variable(x)
    return Cast(typ).apply((x,))[0]
