"""Fully-connected maxout layer (``chainer.links.Maxout``)."""
import numpy

from chainerjax import backend
from chainerjax.functions.activation import maxout
from chainerjax import initializer
from chainerjax import link
from chainerjax.links.connection import linear


def _is_plain(init):
    return (init is None or numpy.isscalar(init)
            or isinstance(init, initializer.Initializer))


class Maxout(link.Chain):
    """Fully-connected maxout layer:
    ``y_i = max_j (W_ij . x + b_ij)``.

    ``W`` of shape ``(out_size, pool_size, in_size)`` and ``b`` of shape
    ``(out_size, pool_size)`` are held, flattened, by the
    :class:`~chainerjax.links.Linear` child ``linear`` (``W`` of shape
    ``(out_size * pool_size, in_size)``), whose output goes through
    :func:`~chainerjax.functions.maxout`.

    Args:
        in_size (int): the input size.
        out_size (int): the output size.
        pool_size (int): the number of linear units per output.
        initialW: the weight initializer; an array must have 3 axes
            ``(out_size, pool_size, in_size)``; a callable is given the
            array with those 3 axes.
        initial_bias: the bias initializer (default 0); None for no bias;
            an array must have 2 axes ``(out_size, pool_size)``.

    Attributes:
        linear (~chainerjax.links.Linear): the affine transformation.

    Raises:
        ValueError: if an initial array has the wrong number of axes.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Maxout(3, 2, 4)
        >>> link.linear.W.shape
        (8, 3)
        >>> link(np.ones((5, 3), np.float32)).shape
        (5, 2)
    """

    def __init__(self, in_size, out_size, pool_size, initialW=None,
                 initial_bias=0):
        super(Maxout, self).__init__()
        linear_out_size = out_size * pool_size
        if _is_plain(initialW):
            pass
        elif isinstance(initialW, backend.get_array_types()):
            if initialW.ndim != 3:
                raise ValueError('initialW.ndim should be 3')
            initialW = initialW.reshape(linear_out_size, in_size)
        elif callable(initialW):
            initialW = _reshaped_initializer(
                initialW, (out_size, pool_size, in_size),
                (linear_out_size, in_size))
        if _is_plain(initial_bias):
            pass
        elif isinstance(initial_bias, backend.get_array_types()):
            if initial_bias.ndim != 2:
                raise ValueError('initial_bias.ndim should be 2')
            initial_bias = initial_bias.reshape(linear_out_size)
        elif callable(initial_bias):
            initial_bias = _reshaped_initializer(
                initial_bias, (out_size, pool_size), (linear_out_size,))
        with self.init_scope():
            self.linear = linear.Linear(
                in_size, linear_out_size, nobias=initial_bias is None,
                initialW=initialW, initial_bias=initial_bias)
        self.out_size = out_size
        self.pool_size = pool_size

    def forward(self, x):
        """Applies the maxout layer to ``x`` of shape ``(n, in_size)``."""
        return maxout.maxout(self.linear(x), self.pool_size)


def _reshaped_initializer(init, shape, flat_shape):
    # The user's initializer sees the unflattened shape.
    def fill(array):
        array.shape = shape
        init(array)
        array.shape = flat_shape
    return fill
