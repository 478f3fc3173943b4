"""Squared error."""
from chainerjax import function_node
from chainerjax.utils import type_check


class SquaredError(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x0, x1 = inputs
        diff = x0 - x1
        return (diff * diff).astype(x0.dtype),


def squared_error(x0, x1):
    """Element-wise squared error ``(x0 - x1) ** 2``.

    Returns:
        ~chainerjax.Variable: of the shape and dtype of the inputs.
    """
    return SquaredError().apply((x0, x1))[0]


def squared_difference(x1, x2):
    """The same as :func:`squared_error`."""
    return squared_error(x1, x2)
