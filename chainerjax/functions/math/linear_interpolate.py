"""Linear interpolation."""
from chainerjax import function_node
from chainerjax.utils import type_check


class LinearInterpolate(function_node.FunctionNode):
    """``p * x + (1 - p) * y``."""

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('p', 'x', 'y'))
        p_type, x_type, y_type = in_types
        type_check.expect(
            p_type.dtype.kind == 'f',
            x_type.dtype == p_type.dtype,
            y_type.dtype == p_type.dtype,
            p_type.shape == x_type.shape,
            p_type.shape == y_type.shape,
        )

    def forward(self, inputs):
        p, x, y = inputs
        one = p.dtype.type(1)
        return p * x + (one - p) * y,


def linear_interpolate(p, x, y):
    """Element-wise linear interpolation ``p * x + (1 - p) * y``.

    Args:
        p (Variable or array): the weights (float).
        x (Variable or array): the first values (same shape and dtype).
        y (Variable or array): the second values (same shape and dtype).

    Returns:
        ~chainerjax.Variable: the interpolated array.
    """
    return LinearInterpolate().apply((p, x, y))[0]
