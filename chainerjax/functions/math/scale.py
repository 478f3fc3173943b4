"""Broadcast multiplication by a scale."""
from chainerjax import variable
from chainerjax.functions.math import bias as bias_mod


def scale(x, y, axis=1):
    """Multiplies ``x`` by ``y``, broadcasting ``y`` from ``axis`` on.

    Args:
        x (Variable or array): the input.
        y (Variable or array): the scale; its shape matches
            ``x.shape[axis:axis + y.ndim]``.
        axis (int): the first axis of ``x`` that ``y`` covers.

    Returns:
        ~chainerjax.Variable: ``x * y`` (the shape of ``x``).
    """
    return variable.as_variable(x) * bias_mod._broadcast_along(x, y, axis)
