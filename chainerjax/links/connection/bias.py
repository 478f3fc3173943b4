"""Learnable broadcast bias (``chainer.links.Bias``)."""
from chainerjax import configuration
from chainerjax.functions.math import bias
from chainerjax import link
from chainerjax import variable


class Bias(link.Link):
    """Adds a bias broadcast along the axes from ``axis`` on, as
    :func:`~chainerjax.functions.bias` does.

    With ``shape`` given, the link holds the bias ``b`` (zeros) and is
    called with one input; otherwise it holds no parameter and the bias is
    the second input.

    Args:
        axis (int): the first axis of the input that the bias covers.
        shape (tuple of ints): the shape of the learnable bias ``b``; None
            for no parameter.

    Attributes:
        b (~chainerjax.Parameter): the bias (only when ``shape`` is given).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Bias(shape=(3,))
        >>> link(np.ones((2, 3, 4), np.float32)).shape
        (2, 3, 4)
        >>> L.Bias(axis=2)(np.ones((2, 3, 4), np.float32),
        ...                np.ones(4, np.float32)).shape
        (2, 3, 4)
    """

    def __init__(self, axis=1, shape=None):
        super(Bias, self).__init__()
        if shape is not None:
            with self.init_scope():
                self.b = variable.Parameter(0, shape)
        self.axis = axis

    def forward(self, *xs):
        """Applies the bias: ``forward(x)`` with the learnable bias,
        ``forward(x, y)`` with ``y`` as the bias."""
        if hasattr(self, 'b'):
            if configuration.config.debug:
                assert len(xs) == 1
            x, = xs
            return bias.bias(x, self.b, self.axis)
        if configuration.config.debug:
            assert len(xs) == 2
        x, y = xs
        return bias.bias(x, y, self.axis)
