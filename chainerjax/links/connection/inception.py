"""Inception module of GoogLeNet (``chainer.links.Inception``)."""
from chainerjax.functions.activation import relu
from chainerjax.functions.array import concat
from chainerjax.functions.pooling import max_pooling_nd
from chainerjax import link
from chainerjax.links.connection import convolution_2d


class Inception(link.Chain):
    """Inception module of GoogLeNet.

    Four paths, concatenated along the channels and passed through relu: a
    1x1 convolution (``conv1``), a 1x1 projection then a 3x3 convolution
    (``proj3``, ``conv3``), a 1x1 projection then a 5x5 convolution
    (``proj5``, ``conv5``), and a 3x3 max pooling then a 1x1 projection
    (``projp``). The paddings keep the spatial size of the input.

    Args:
        in_channels (int or None): the number of input channels.
        out1 (int): the output channels of the 1x1 path.
        proj3 (int): the projection channels of the 3x3 path.
        out3 (int): the output channels of the 3x3 path.
        proj5 (int): the projection channels of the 5x5 path.
        out5 (int): the output channels of the 5x5 path.
        proj_pool (int): the projection channels of the pooling path.
        conv_init: the initializer of the filters.
        bias_init: the initializer of the biases.

    See: `Going Deeper with Convolutions <https://arxiv.org/abs/1409.4842>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Inception(2, 1, 2, 3, 2, 3, 1)
        >>> link(np.ones((1, 2, 4, 4), np.float32)).shape
        (1, 8, 4, 4)
    """

    def __init__(self, in_channels, out1, proj3, out3, proj5, out5,
                 proj_pool, conv_init=None, bias_init=None):
        super(Inception, self).__init__()
        with self.init_scope():
            self.conv1 = convolution_2d.Convolution2D(
                in_channels, out1, 1, initialW=conv_init,
                initial_bias=bias_init)
            self.proj3 = convolution_2d.Convolution2D(
                in_channels, proj3, 1, initialW=conv_init,
                initial_bias=bias_init)
            self.conv3 = convolution_2d.Convolution2D(
                proj3, out3, 3, pad=1, initialW=conv_init,
                initial_bias=bias_init)
            self.proj5 = convolution_2d.Convolution2D(
                in_channels, proj5, 1, initialW=conv_init,
                initial_bias=bias_init)
            self.conv5 = convolution_2d.Convolution2D(
                proj5, out5, 5, pad=2, initialW=conv_init,
                initial_bias=bias_init)
            self.projp = convolution_2d.Convolution2D(
                in_channels, proj_pool, 1, initialW=conv_init,
                initial_bias=bias_init)

    def forward(self, x):
        """Applies the module; the output has ``out1 + out3 + out5 +
        proj_pool`` channels."""
        out1 = self.conv1(x)
        out3 = self.conv3(relu.relu(self.proj3(x)))
        out5 = self.conv5(relu.relu(self.proj5(x)))
        pool = self.projp(max_pooling_nd.max_pooling_2d(
            x, 3, stride=1, pad=1))
        return relu.relu(concat.concat((out1, out3, out5, pool), axis=1))
