"""Element-wise choice between two arrays."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import utils
from chainerjax import variable
from chainerjax.utils import type_check


class Where(function_node.FunctionNode):
    """``where(condition, x, y)``; the condition is an (array) attribute,
    passed to the kernel as an argument."""

    def __init__(self, condition):
        self.condition = utils.force_array(condition)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'y'))
        x_type, y_type = in_types
        condition = type_check._make_variable_from_array(
            self.condition, 'condition')
        type_check.expect(
            condition.dtype == numpy.bool_,
            x_type.dtype == y_type.dtype,
        )
        type_check.expect_broadcast_shapes(
            condition.shape, x_type.shape, y_type.shape)

    def forward(self, inputs):
        x, y = inputs
        return jnp.where(self.condition, x, y),


def where(condition, x, y):
    """Chooses elements from ``x`` where ``condition`` holds and from ``y``
    elsewhere (the three broadcast together).

    Args:
        condition (Variable or array): a boolean array.
        x (Variable or array): the values where ``condition`` is True.
        y (Variable or array): the values elsewhere (same dtype as ``x``).

    Returns:
        ~chainerjax.Variable: the chosen values.
    """
    if isinstance(condition, variable.Variable):
        condition = condition.array
    return Where(condition).apply((x, y))[0]
