"""N-dimensional deconvolution layers (``chainer.links.DeconvolutionND``,
``Deconvolution1D``, ``Deconvolution3D``)."""
from chainerjax.functions.connection import deconvolution_nd
from chainerjax import initializers
from chainerjax import link
from chainerjax.links.connection import _conv_base
from chainerjax.utils import conv
from chainerjax import variable


class DeconvolutionND(link.Link):
    """N-dimensional deconvolution (transposed convolution) layer.

    Holds a filter ``W`` of shape ``(in_channels, out_channels / groups,
    k_1, ..., k_N)`` and a bias ``b`` of shape ``(out_channels,)``, and
    applies :func:`~chainerjax.functions.deconvolution_nd`. The short form
    ``DeconvolutionND(ndim, out_channels, ksize)`` (or ``in_channels=None``)
    initializes ``W`` at the first forward.

    Args:
        ndim (int): the number of spatial axes.
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        out_channels (int): the number of output channels.
        ksize (int or tuple of ints): the filter size.
        stride (int or tuple of ints): the stride.
        pad (int or tuple of ints): the padding.
        nobias (bool): no bias if True.
        outsize (tuple of ints): the output spatial size; None to compute it
            from the input size.
        initialW: the filter initializer; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: the bias initializer; default 0.
        dilate (int or tuple of ints): the filter dilation.
        groups (int): the number of channel groups.

    Attributes:
        W (~chainerjax.Parameter): the filter.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> x = np.ones((1, 2, 5, 5, 5), np.float32)
        >>> L.DeconvolutionND(3, 2, 7, 4)(x).shape
        (1, 7, 8, 8, 8)
        >>> L.DeconvolutionND(3, 7, 4, stride=2, pad=1)(x).shape
        (1, 7, 10, 10, 10)
    """

    def __init__(self, ndim, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(DeconvolutionND, self).__init__()
        in_channels, out_channels, ksize = _conv_base.lazy_channels(
            in_channels, out_channels, ksize)
        self.out_channels = out_channels
        self.ksize = conv._as_tuple(ksize, ndim)
        self.stride = stride
        self.pad = pad
        self.outsize = outsize
        self.dilate = conv._as_tuple(dilate, ndim)
        self.groups = int(groups)
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if in_channels is not None:
                self._initialize_params(in_channels)
            self.b = _conv_base.bias_parameter(
                nobias, initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_conv_base.filter_shape(
            in_channels, self.out_channels, self.ksize, self.groups,
            transposed=True))

    def forward(self, x):
        """Applies the deconvolution to ``x`` of shape
        ``(n, c, d_1, ..., d_N)``."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return deconvolution_nd.deconvolution_nd(
            x, self.W, b=self.b, stride=self.stride, pad=self.pad,
            outsize=self.outsize, dilate=self.dilate, groups=self.groups)


class Deconvolution1D(DeconvolutionND):
    """One-dimensional deconvolution layer: :class:`DeconvolutionND` with
    ``ndim=1``."""

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(Deconvolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride, pad, nobias,
            outsize, initialW, initial_bias, dilate, groups)


class Deconvolution3D(DeconvolutionND):
    """Three-dimensional deconvolution layer: :class:`DeconvolutionND` with
    ``ndim=3``."""

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(Deconvolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride, pad, nobias,
            outsize, initialW, initial_bias, dilate, groups)
