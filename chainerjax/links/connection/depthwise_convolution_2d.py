"""Depthwise convolution layer (``chainer.links.DepthwiseConvolution2D``).
"""
import numpy

from chainerjax.functions.connection import depthwise_convolution_2d
from chainerjax import initializers
from chainerjax import link
from chainerjax.utils import conv
from chainerjax import variable


class DepthwiseConvolution2D(link.Link):
    """Two-dimensional depthwise convolution layer.

    Holds ``W`` of shape ``(channel_multiplier, in_channels, k_H, k_W)``
    and ``b`` of shape ``(channel_multiplier * in_channels,)``, and applies
    :func:`~chainerjax.functions.depthwise_convolution_2d`. With
    ``in_channels=None`` both are initialized at the first forward.

    Args:
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        channel_multiplier (int): the number of filters per input channel.
        ksize (int or pair of ints): the filter size.
        stride (int or pair of ints): the stride.
        pad (int or pair of ints): the zero padding.
        nobias (bool): no bias if True.
        initialW: the filter initializer; default
            :class:`~chainerjax.initializers.HeNormal` with scale
            ``1 / sqrt(2)``.
        initial_bias: the bias initializer; default 0.

    Attributes:
        W (~chainerjax.Parameter): the filter.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.DepthwiseConvolution2D(2, 3, 3)
        >>> link(np.ones((1, 2, 5, 5), np.float32)).shape
        (1, 6, 3, 3)
    """

    def __init__(self, in_channels, channel_multiplier, ksize, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None):
        super(DepthwiseConvolution2D, self).__init__()
        self.ksize = ksize
        self.stride = conv._pair(stride)
        self.pad = conv._pair(pad)
        self.channel_multiplier = channel_multiplier
        self.nobias = nobias
        if initialW is None:
            initialW = initializers.HeNormal(1. / numpy.sqrt(2))
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = initializers.Constant(0)
                self.b = variable.Parameter(
                    initializers._get_initializer(initial_bias))
        if in_channels is not None:
            self._initialize_params(in_channels)

    def _initialize_params(self, in_channels):
        kh, kw = conv._pair(self.ksize)
        self.W.initialize((self.channel_multiplier, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize(self.channel_multiplier * in_channels)

    def forward(self, x):
        """Applies the depthwise convolution to ``x`` of shape
        ``(n, c, h, w)``."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return depthwise_convolution_2d.depthwise_convolution_2d(
            x, self.W, self.b, self.stride, self.pad)
