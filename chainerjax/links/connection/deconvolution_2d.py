"""Two-dimensional deconvolution layer (``chainer.links.Deconvolution2D``).
"""
from chainerjax.functions.connection import deconvolution_2d
from chainerjax import initializers
from chainerjax import link
from chainerjax.links.connection import _conv_base
from chainerjax.utils import conv
from chainerjax import variable


class Deconvolution2D(link.Link):
    """__init__(self, in_channels, out_channels, ksize=None, stride=1, \
pad=0, nobias=False, outsize=None, initialW=None, initial_bias=None, *, \
dilate=1, groups=1)

    Two-dimensional deconvolution (transposed convolution) layer.

    Holds a filter ``W`` of shape ``(in_channels, out_channels / groups,
    k_H, k_W)`` and a bias ``b`` of shape ``(out_channels,)``. The
    two-argument form ``Deconvolution2D(out_channels, ksize)`` (or
    ``in_channels=None``) initializes ``W`` at the first forward.

    Args:
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        out_channels (int): the number of output channels.
        ksize (int or pair of ints): the filter size.
        stride (int or pair of ints): the stride.
        pad (int or pair of ints): the padding.
        nobias (bool): no bias if True.
        outsize (pair of ints): the output size ``(h_O, w_O)``; None to
            compute it from the input size.
        initialW: the filter initializer; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: the bias initializer; default 0.
        dilate (int or pair of ints): keyword only; the filter dilation.
        groups (int): keyword only; the number of channel groups.

    Attributes:
        W (~chainerjax.Parameter): the filter.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> deconv = L.Deconvolution2D(2, 4, 3, stride=2)
        >>> deconv(np.ones((1, 2, 3, 3), np.float32)).shape
        (1, 4, 7, 7)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, **kwargs):
        super(Deconvolution2D, self).__init__()
        dilate, groups = conv._parse_kwargs(
            'Deconvolution2D', kwargs, ('dilate', 1), ('groups', 1),
            deterministic=conv._DETERMINISTIC_MSG)
        in_channels, out_channels, ksize = _conv_base.lazy_channels(
            in_channels, out_channels, ksize)
        self.ksize = ksize
        self.stride = conv._pair(stride)
        self.pad = conv._pair(pad)
        self.dilate = conv._pair(dilate)
        self.outsize = (None, None) if outsize is None else outsize
        self.out_channels = out_channels
        self.groups = int(groups)
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if in_channels is not None:
                self._initialize_params(in_channels)
            if not nobias and hasattr(initial_bias, 'shape'):
                assert tuple(initial_bias.shape) == (out_channels,)
            self.b = _conv_base.bias_parameter(
                nobias, initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_conv_base.filter_shape(
            in_channels, self.out_channels, conv._pair(self.ksize),
            self.groups, transposed=True))

    def forward(self, x):
        """Applies the deconvolution to ``x`` of shape ``(n, c, h, w)``."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return deconvolution_2d.deconvolution_2d(
            x, self.W, self.b, self.stride, self.pad, self.outsize,
            dilate=self.dilate, groups=self.groups)
