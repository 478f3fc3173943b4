"""Scaled exponential linear unit."""
from chainerjax.functions.activation import elu as elu_mod


def selu(x, alpha=1.6732632423543772, scale=1.0507009873554805):
    """Scaled ELU: ``scale * elu(x, alpha)``.

    Args:
        x (Variable or array): a float array.
        alpha (float): the ELU parameter.
        scale (float): the output scale.

    Returns:
        ~chainerjax.Variable: an array of the shape and dtype of ``x``.
    """
    return scale * elu_mod.elu(x, alpha=alpha)
