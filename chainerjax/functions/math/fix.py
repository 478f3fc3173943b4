"""Element-wise rounding toward zero."""
from chainerjax.functions.math import _elementwise


def fix(x):
    """Element-wise rounding toward zero (not differentiable: the result has
    no graph).

    Args:
        x (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: a new Variable of the dtype of ``x`` that
        requires no gradient.
    """
    return _elementwise.non_differentiable(
        x, lambda xp, a: xp.fix(a), dtype=x.dtype)
