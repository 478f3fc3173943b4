"""Element-wise sign."""
from chainerjax.functions.math import _elementwise


def sign(x):
    """Element-wise sign: -1, 0 or 1 (not differentiable: the result has no
    graph).

    Args:
        x (Variable or array): the input.

    Returns:
        ~chainerjax.Variable: a new Variable that requires no gradient.
    """
    return _elementwise.non_differentiable(x, lambda xp, a: xp.sign(a))
