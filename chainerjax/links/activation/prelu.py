"""Parametric ReLU (``chainer.links.PReLU``)."""
from chainerjax.functions.activation import prelu
from chainerjax import link
from chainerjax import variable


class PReLU(link.Link):
    """Parametric ReLU as a link: :func:`~chainerjax.functions.prelu` with
    a learnable slope ``W``.

    Args:
        shape (tuple of ints): the shape of ``W`` (it covers the input axes
            from axis 1 on; ``()`` for one shared slope).
        init (float): the initial value of ``W``.

    Attributes:
        W (~chainerjax.Parameter): the slope of the negative part.

    See: `Delving Deep into Rectifiers
    <https://arxiv.org/abs/1502.01852>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> L.PReLU()(np.array([[-4., 2.]], np.float32)).array
        array([[-1.,  2.]], dtype=float32)
    """

    def __init__(self, shape=(), init=0.25):
        super(PReLU, self).__init__()
        with self.init_scope():
            self.W = variable.Parameter(init, shape)

    def forward(self, x):
        """Applies the parametric ReLU to ``x``."""
        return prelu.prelu(x, self.W)
