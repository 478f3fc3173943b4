"""Trigonometric functions and their inverses."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.math import _elementwise
from chainerjax.utils import type_check


class Sin(_elementwise.UnaryFloat):
    _label = 'sin'

    def forward(self, inputs):
        return jnp.sin(inputs[0]),


class Cos(_elementwise.UnaryFloat):
    _label = 'cos'

    def forward(self, inputs):
        return jnp.cos(inputs[0]),


class Tan(_elementwise.UnaryFloat):
    _label = 'tan'

    def forward(self, inputs):
        return jnp.tan(inputs[0]),


class Arcsin(_elementwise.UnaryFloat):
    _label = 'arcsin'

    def forward(self, inputs):
        return jnp.arcsin(inputs[0]),


class Arccos(_elementwise.UnaryFloat):
    _label = 'arccos'

    def forward(self, inputs):
        return jnp.arccos(inputs[0]),


class Arctan(_elementwise.UnaryFloat):
    _label = 'arctan'

    def forward(self, inputs):
        return jnp.arctan(inputs[0]),


class Arctan2(function_node.FunctionNode):
    """``arctan(x1 / x2)`` in the right quadrant (NumPy dtype promotion)."""

    is_elementwise = True

    @property
    def label(self):
        return 'arctan2'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x1', 'x2'))
        type_check.expect(in_types[0].dtype.kind == 'f')
        type_check.expect(in_types[1].dtype.kind == 'f')

    def forward(self, inputs):
        x1, x2 = inputs
        return jnp.arctan2(x1, x2),


def sin(x):
    """Element-wise sine.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Sin().apply((x,))[0]


def cos(x):
    """Element-wise cosine.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Cos().apply((x,))[0]


def tan(x):
    """Element-wise tangent.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Tan().apply((x,))[0]


def arcsin(x):
    """Element-wise inverse sine.

    Args:
        x (Variable or array): a float array with values in ``[-1, 1]``.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Arcsin().apply((x,))[0]


def arccos(x):
    """Element-wise inverse cosine.

    Args:
        x (Variable or array): a float array with values in ``[-1, 1]``.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Arccos().apply((x,))[0]


def arctan(x):
    """Element-wise inverse tangent.

    Args:
        x (Variable or array): a float array.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return Arctan().apply((x,))[0]


def arctan2(x1, x2):
    """Element-wise ``arctan(x1 / x2)`` choosing the quadrant correctly.

    Args:
        x1 (Variable or array): the y coordinates (float).
        x2 (Variable or array): the x coordinates (float, broadcastable).

    Returns:
        ~chainerjax.Variable: the angles in ``[-pi, pi]``.
    """
    return Arctan2().apply((x1, x2))[0]
