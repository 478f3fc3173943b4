"""Element-wise ceiling."""
from chainerjax.functions.math import _elementwise


def ceil(x):
    """Element-wise ceiling (not differentiable: the result has no graph).

    Args:
        x (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: a new Variable of the dtype of ``x`` that
        requires no gradient.
    """
    return _elementwise.non_differentiable(
        x, lambda xp, a: xp.ceil(a), dtype=x.dtype)
