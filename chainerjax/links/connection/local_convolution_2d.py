"""Locally-connected layer (``chainer.links.LocalConvolution2D``)."""
from chainerjax.functions.connection import local_convolution_2d
from chainerjax import initializers
from chainerjax import link
from chainerjax.utils import conv
from chainerjax import variable


def _conv_output_length(input_length, filter_size, stride):
    # As in Chainer 7.8.1, the parameter shapes ignore the stride (so only
    # stride 1 gives parameters that match the function's output size).
    return input_length - filter_size + 1


class LocalConvolution2D(link.Link):
    """Two-dimensional local convolution layer (a convolution whose
    filters are not shared between output positions).

    Holds ``W`` of shape ``(out_channels, h_O, w_O, in_channels, k_H,
    k_W)`` and ``b`` of shape ``(out_channels, h_O, w_O)`` with
    ``h_O = h - k_H + 1`` and ``w_O = w - k_W + 1``, and applies
    :func:`~chainerjax.functions.local_convolution_2d`. When
    ``in_channels`` or ``in_size`` is None both are initialized at the first
    forward.

    Args:
        in_channels (int or None): the number of input channels.
        out_channels (int): the number of output channels.
        in_size (int or pair of ints or None): the input spatial size.
        ksize (int or pair of ints): the filter size.
        stride (int or pair of ints): the stride.
        nobias (bool): no bias if True.
        initialW: the filter initializer; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: the bias initializer; default 0.

    Attributes:
        W (~chainerjax.Parameter): the filters.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.LocalConvolution2D(2, 3, 4, 2)
        >>> link.W.shape
        (3, 3, 3, 2, 2, 2)
        >>> link(np.ones((1, 2, 4, 4), np.float32)).shape
        (1, 3, 3, 3)
    """

    def __init__(self, in_channels, out_channels, in_size=None, ksize=None,
                 stride=1, nobias=False, initialW=None, initial_bias=None,
                 **kwargs):
        # As in Chainer 7.8.1, extra keyword arguments are accepted and
        # ignored.
        super(LocalConvolution2D, self).__init__()
        self.ksize = ksize
        self.stride = conv._pair(stride)
        self.nobias = nobias
        self.out_channels = out_channels
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                self.b = variable.Parameter(
                    initializers._get_initializer(initial_bias))
            if in_channels is not None and in_size is not None:
                self._initialize_params(in_channels, conv._pair(in_size))

    def _initialize_params(self, in_channels, in_size):
        kh, kw = conv._pair(self.ksize)
        ih, iw = conv._pair(in_size)
        oh = _conv_output_length(ih, kh, self.stride[0])
        ow = _conv_output_length(iw, kw, self.stride[1])
        self.W.initialize((self.out_channels, oh, ow, in_channels, kh, kw))
        if not self.nobias:
            self.b.initialize((self.out_channels, oh, ow))

    def forward(self, x):
        """Applies the local convolution to ``x`` of shape
        ``(n, c, h, w)``."""
        if self.W.array is None:
            self._initialize_params(
                int(x.shape[1]), tuple(int(s) for s in x.shape[2:]))
        return local_convolution_2d.local_convolution_2d(
            x, self.W, self.b, self.stride)
