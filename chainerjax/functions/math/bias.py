"""Broadcast addition of a bias."""
from chainerjax import configuration
from chainerjax import variable
from chainerjax.functions.array import broadcast
from chainerjax.functions.array import reshape


def _broadcast_along(x, y, axis):
    x_shape = x.shape
    y_shape = y.shape
    if configuration.config.debug:
        assert x_shape[axis:axis + len(y_shape)] == y_shape
    y1_shape = tuple([1] * axis + list(y_shape) +
                     [1] * (len(x_shape) - axis - len(y_shape)))
    y1 = reshape.reshape(y, y1_shape)
    return broadcast.broadcast_to(y1, x_shape)


def bias(x, y, axis=1):
    """Adds ``y`` to ``x``, broadcasting ``y`` from ``axis`` on.

    Args:
        x (Variable or array): the input.
        y (Variable or array): the bias; its shape matches
            ``x.shape[axis:axis + y.ndim]``.
        axis (int): the first axis of ``x`` that ``y`` covers.

    Returns:
        ~chainerjax.Variable: ``x + y`` (the shape of ``x``).
    """
    return variable.as_variable(x) + _broadcast_along(x, y, axis)
