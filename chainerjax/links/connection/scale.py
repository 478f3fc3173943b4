"""Learnable broadcast scale (``chainer.links.Scale``)."""
from chainerjax import configuration
from chainerjax.functions.math import scale
from chainerjax import link
from chainerjax.links.connection import bias
from chainerjax import variable


class Scale(link.Chain):
    """Multiplies by a scale broadcast along the axes from ``axis`` on, as
    :func:`~chainerjax.functions.scale` does, optionally followed by a
    learnable :class:`~chainerjax.links.Bias`.

    With ``W_shape`` given, the link holds the scale ``W`` (ones) and is
    called with one input; otherwise the scale is the second input.

    Args:
        axis (int): the first axis of the input that the scale covers.
        W_shape (tuple of ints): the shape of the learnable scale ``W``;
            None for no scale parameter.
        bias_term (bool): also add a learnable bias (a child ``bias``).
        bias_shape (tuple of ints): the shape of the bias when ``W_shape``
            is None (otherwise the bias has ``W_shape`` and this is
            ignored).

    Attributes:
        W (~chainerjax.Parameter): the scale (only when ``W_shape`` is
            given).
        bias (~chainerjax.links.Bias): the bias (only when ``bias_term``).

    Raises:
        ValueError: if ``bias_term`` is True and neither ``W_shape`` nor
            ``bias_shape`` is given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Scale(W_shape=(3,), bias_term=True)
        >>> link(np.ones((2, 3), np.float32)).shape
        (2, 3)
        >>> sorted(name for name, _ in link.namedparams())
        ['/W', '/bias/b']
    """

    def __init__(self, axis=1, W_shape=None, bias_term=False,
                 bias_shape=None):
        super(Scale, self).__init__()
        self.axis = axis
        with self.init_scope():
            if W_shape is not None:
                self.W = variable.Parameter(1, W_shape)
                if bias_term:
                    self.bias = bias.Bias(axis, W_shape)
            elif bias_term:
                if bias_shape is None:
                    raise ValueError(
                        'bias_shape should be given if W is not '
                        'learnt parameter and bias_term is True.')
                self.bias = bias.Bias(axis, bias_shape)

    def forward(self, *xs):
        """Applies the scale (and the bias): ``forward(x)`` with the
        learnable scale, ``forward(x, y)`` with ``y`` as the scale."""
        if hasattr(self, 'W'):
            if configuration.config.debug:
                assert len(xs) == 1
            x, = xs
            z = scale.scale(x, self.W, self.axis)
        else:
            if configuration.config.debug:
                assert len(xs) == 2
            x, y = xs
            z = scale.scale(x, y, self.axis)
        if hasattr(self, 'bias'):
            return self.bias(z)
        return z
