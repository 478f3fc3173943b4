"""Deformable convolution layer (``chainer.links.DeformableConvolution2D``).
"""
from chainerjax.functions.connection import deformable_convolution_2d_sampler
from chainerjax import initializers
from chainerjax.initializers import constant
from chainerjax import link
from chainerjax.links.connection import convolution_2d
from chainerjax.utils import conv
from chainerjax import variable


class DeformableConvolution2D(link.Chain):
    """Two-dimensional deformable convolution layer.

    A :class:`~chainerjax.links.Convolution2D` child ``offset_conv``
    predicts, from the input, the ``2 * k_H * k_W`` sampling offsets of
    every output position; a :class:`DeformableConvolution2DSampler` child
    ``deform_conv`` samples the input at the moved positions and applies
    its filter
    (:func:`~chainerjax.functions.deformable_convolution_2d_sampler`).

    Args:
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        out_channels (int): the number of output channels.
        ksize (int or pair of ints): the filter size.
        stride (int or pair of ints): the stride.
        pad (int or pair of ints): the zero padding.
        offset_nobias (bool): no bias in ``offset_conv`` if True.
        offset_initialW: the initializer of ``offset_conv.W``; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        offset_initial_bias: the initializer of ``offset_conv.b``;
            default 0.
        deform_nobias (bool): no bias in ``deform_conv`` if True.
        deform_initialW: the initializer of ``deform_conv.W``; default 0.
        deform_initial_bias: the initializer of ``deform_conv.b``;
            default 0.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.DeformableConvolution2D(2, 3, 3, pad=1)
        >>> link(np.ones((1, 2, 4, 4), np.float32)).shape
        (1, 3, 4, 4)
        >>> link.offset_conv.W.shape
        (18, 2, 3, 3)
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 offset_nobias=False, offset_initialW=None,
                 offset_initial_bias=None, deform_nobias=False,
                 deform_initialW=None, deform_initial_bias=None):
        super(DeformableConvolution2D, self).__init__()
        kh, kw = conv._pair(ksize)
        with self.init_scope():
            self.offset_conv = convolution_2d.Convolution2D(
                in_channels, 2 * kh * kw, ksize, stride, pad,
                offset_nobias, offset_initialW, offset_initial_bias)
            self.deform_conv = DeformableConvolution2DSampler(
                in_channels, out_channels, ksize, stride, pad,
                deform_nobias, deform_initialW, deform_initial_bias)

    def forward(self, x):
        """Applies the deformable convolution to ``x`` of shape
        ``(n, c, h, w)``."""
        offset = self.offset_conv(x)
        return self.deform_conv(x, offset)


class DeformableConvolution2DSampler(link.Link):
    """The filter part of :class:`DeformableConvolution2D`: applies
    :func:`~chainerjax.functions.deformable_convolution_2d_sampler` with
    given offsets.

    Holds ``W`` of shape ``(out_channels, in_channels, k_H, k_W)``
    (zeros by default) and ``b`` of shape ``(out_channels,)`` (zeros by
    default); both are initialized at the first forward when
    ``in_channels`` is None.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None):
        super(DeformableConvolution2DSampler, self).__init__()
        self.ksize = ksize
        self.stride = conv._pair(stride)
        self.pad = conv._pair(pad)
        self.out_channels = out_channels
        self.initialW = initialW
        if initialW is None:
            initialW = constant.Zero()
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
        self.W.initialize((self.out_channels, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize(self.out_channels)

    def forward(self, x, offset):
        """Samples ``x`` at the positions moved by ``offset`` and applies
        the filter."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return deformable_convolution_2d_sampler.\
            deformable_convolution_2d_sampler(
                x, offset, self.W, self.b, self.stride, self.pad)
