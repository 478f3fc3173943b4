"""Dilated convolution layer (``chainer.links.DilatedConvolution2D``)."""
from chainerjax.functions.connection import dilated_convolution_2d
from chainerjax import initializers
from chainerjax import link
from chainerjax.links.connection import _conv_base
from chainerjax.utils import conv
from chainerjax import variable


class DilatedConvolution2D(link.Link):
    """Two-dimensional dilated convolution layer.

    Holds ``W`` of shape ``(out_channels, in_channels, k_H, k_W)`` and ``b``
    of shape ``(out_channels,)``, and applies
    :func:`~chainerjax.functions.dilated_convolution_2d` (the same as
    :class:`~chainerjax.links.Convolution2D` with ``dilate``; note that
    ``dilate`` comes before ``nobias`` here). The short form
    ``DilatedConvolution2D(out_channels, ksize)`` (or ``in_channels=None``)
    initializes ``W`` at the first forward.

    Args:
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        out_channels (int): the number of output channels.
        ksize (int or pair of ints): the filter size.
        stride (int or pair of ints): the stride.
        pad (int or pair of ints): the zero padding.
        dilate (int or pair of ints): the filter dilation.
        nobias (bool): no bias if True.
        initialW: the filter initializer; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: the bias initializer; default 0.

    Attributes:
        W (~chainerjax.Parameter): the filter.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> x = np.ones((1, 3, 10, 10), np.float32)
        >>> L.DilatedConvolution2D(7, 5, dilate=2)(x).shape
        (1, 7, 2, 2)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, dilate=1, nobias=False, initialW=None,
                 initial_bias=None):
        super(DilatedConvolution2D, self).__init__()
        in_channels, out_channels, ksize = _conv_base.lazy_channels(
            in_channels, out_channels, ksize)
        self.ksize = ksize
        self.stride = conv._pair(stride)
        self.pad = conv._pair(pad)
        self.dilate = conv._pair(dilate)
        self.out_channels = out_channels
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if in_channels is not None:
                self._initialize_params(in_channels)
            self.b = _conv_base.bias_parameter(
                nobias, initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_conv_base.filter_shape(
            in_channels, self.out_channels, conv._pair(self.ksize), 1))

    def forward(self, x):
        """Applies the dilated convolution to ``x`` of shape
        ``(n, c, h, w)``."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return dilated_convolution_2d.dilated_convolution_2d(
            x, self.W, self.b, self.stride, self.pad, self.dilate)
