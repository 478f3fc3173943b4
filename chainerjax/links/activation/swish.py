"""Swish activation (``chainer.links.Swish``)."""
from chainerjax.functions.activation import swish
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


class Swish(link.Link):
    """Swish as a link: :func:`~chainerjax.functions.swish`
    (``x * sigmoid(beta * x)``) with a learnable ``beta``.

    Args:
        beta_shape (tuple of ints or None): the shape of ``beta`` (it covers
            the input axes from axis 1 on); None to take ``x.shape[1:]`` at
            the first forward.
        beta_init (float): the initial value of ``beta``.

    Attributes:
        beta (~chainerjax.Parameter): the parameter.

    See: `Searching for Activation Functions
    <https://arxiv.org/abs/1710.05941>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Swish(None)
        >>> link(np.zeros((2, 3), np.float32)).shape
        (2, 3)
        >>> link.beta.shape
        (3,)
    """

    def __init__(self, beta_shape, beta_init=1.0):
        super(Swish, self).__init__()
        with self.init_scope():
            if beta_shape is not None:
                self.beta = variable.Parameter(beta_init, beta_shape)
            else:
                self.beta = variable.Parameter(
                    initializers.Constant(beta_init))

    def forward(self, x):
        """Applies Swish to ``x``."""
        if self.beta.array is None:
            self.beta.initialize(tuple(x.shape[1:]))
        return swish.swish(x, self.beta)
