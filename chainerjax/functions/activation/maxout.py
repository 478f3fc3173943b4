"""Maxout."""
from chainerjax.functions.array import reshape
from chainerjax.functions.math import minmax
from chainerjax.utils import type_check


def maxout(x, pool_size, axis=1):
    """Maxout: the maximum over groups of ``pool_size`` along ``axis``.

    Args:
        x (Variable or array): a float array.
        pool_size (int): the group size; ``x.shape[axis]`` must be a
            multiple of it.
        axis (int): the axis to pool.

    Returns:
        ~chainerjax.Variable: ``x`` with ``axis`` shrunk by ``pool_size``.
    """
    if pool_size <= 0:
        raise ValueError('pool_size must be a positive integer.')
    x_shape = x.shape
    if x_shape[axis] % pool_size != 0:
        raise type_check.InvalidType(
            'x.shape[axis] % pool_size == 0',
            'x.shape[axis]={}, pool_size={}'.format(x_shape[axis], pool_size),
            'axis dimension must be divided by pool_size')
    shape = (x_shape[:axis] + (x_shape[axis] // pool_size, pool_size)
             + x_shape[axis + 1:])
    x = reshape.reshape(x, shape)
    return minmax.max(x, axis=axis + 1)
