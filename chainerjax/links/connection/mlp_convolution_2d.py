"""MLP convolution layer of Network in Network
(``chainer.links.MLPConvolution2D``)."""
from chainerjax.functions.activation import relu
from chainerjax import link
from chainerjax.links.connection import _conv_base
from chainerjax.links.connection import convolution_2d
from chainerjax.utils import conv

_WSCALE_MSG = ('wscale is not supported anymore. '
               'Use conv_init and bias_init argument to change '
               'the scale of initial parameters.')


class MLPConvolution2D(link.ChainList):
    """__init__(self, in_channels, out_channels, ksize=None, stride=1, \
pad=0, activation=relu.relu, *, conv_init=None, bias_init=None)

    Two-dimensional MLP convolution ("mlpconv") layer of Network in
    Network.

    A :class:`~chainerjax.ChainList` of
    :class:`~chainerjax.links.Convolution2D` children ``0, 1, ...``: a
    ``ksize`` convolution followed by 1x1 convolutions, with ``activation``
    between them (not after the last one). The short form
    ``MLPConvolution2D(out_channels, ksize)`` (or ``in_channels=None``)
    initializes the first filter at the first forward.

    Args:
        in_channels (int or None): the number of input channels.
        out_channels (tuple of ints): the output channels of each
            convolution.
        ksize (int or pair of ints): the filter size of the first
            convolution.
        stride (int or pair of ints): the stride of the first convolution.
        pad (int or pair of ints): the padding of the first convolution.
        activation (callable): the activation between the convolutions.
        conv_init: keyword only; the initializer of the filters.
        bias_init: keyword only; the initializer of the biases.

    Raises:
        TypeError: if an extra positional argument (the removed ``wscale``)
            or an unknown keyword argument is given.
        ValueError: if ``wscale`` is given as a keyword argument.

    See: `Network in Network <https://arxiv.org/abs/1312.4400v3>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.MLPConvolution2D(2, (3, 4), 3)
        >>> link(np.ones((1, 2, 5, 5), np.float32)).shape
        (1, 4, 3, 3)
        >>> len(link)
        2
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, activation=relu.relu, *args, **kwargs):
        if args:
            raise TypeError(_WSCALE_MSG)
        conv_init, bias_init = conv._parse_kwargs(
            '__init__', kwargs, ('conv_init', None),
            ('bias_init', None), wscale=_WSCALE_MSG)
        in_channels, out_channels, ksize = _conv_base.lazy_channels(
            in_channels, out_channels, ksize)
        assert len(out_channels) > 0
        convs = [convolution_2d.Convolution2D(
            in_channels, out_channels[0], ksize, stride, pad,
            initialW=conv_init, initial_bias=bias_init)]
        for n_in, n_out in zip(out_channels, out_channels[1:]):
            convs.append(convolution_2d.Convolution2D(
                n_in, n_out, 1, initialW=conv_init, initial_bias=bias_init))
        super(MLPConvolution2D, self).__init__(*convs)
        self.activation = activation

    def forward(self, x):
        """Applies the convolutions (and activations) to ``x``."""
        f = self.activation
        for layer in self[:-1]:
            x = f(layer(x))
        return self[-1](x)
