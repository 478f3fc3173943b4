"""Element-wise floor."""
from chainerjax.functions.math import _elementwise


def floor(x):
    """Element-wise floor (not differentiable: the result has no graph).

    Args:
        x (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: a new Variable of the dtype of ``x`` that
        requires no gradient.
    """
    return _elementwise.non_differentiable(
        x, lambda xp, a: xp.floor(a), dtype=x.dtype)
