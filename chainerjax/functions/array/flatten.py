"""Flattening to one dimension."""
from chainerjax.functions.array import reshape


def flatten(x):
    """Flattens ``x`` into a one-dimensional array (a scalar gives shape
    ``(1,)``).

    Args:
        x (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: an array of shape ``(x.size,)``.
    """
    return reshape.reshape(x, (x.size,))
