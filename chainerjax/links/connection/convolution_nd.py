"""N-dimensional convolution layers (``chainer.links.ConvolutionND``,
``Convolution1D``, ``Convolution3D``)."""
from chainerjax.functions.connection import convolution_nd
from chainerjax import initializers
from chainerjax import link
from chainerjax.links.connection import _conv_base
from chainerjax.utils import conv
from chainerjax import variable


class ConvolutionND(link.Link):
    """N-dimensional convolution layer.

    Holds a filter ``W`` of shape ``(out_channels, in_channels / groups,
    k_1, ..., k_N)`` and a bias ``b`` of shape ``(out_channels,)``, and
    applies :func:`~chainerjax.functions.convolution_nd`. The short form
    ``ConvolutionND(ndim, out_channels, ksize)`` (or ``in_channels=None``)
    initializes ``W`` at the first forward, from the channel axis of the
    input.

    Args:
        ndim (int): the number of spatial axes.
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        out_channels (int): the number of output channels.
        ksize (int or tuple of ints): the filter size.
        stride (int or tuple of ints): the stride.
        pad (int or tuple of ints): the zero padding.
        nobias (bool): no bias if True.
        initialW: the filter initializer; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: the bias initializer; default 0.
        cover_all (bool): if True, the output also covers the input elements
            a plain convolution would drop at the far ends.
        dilate (int or tuple of ints): the filter dilation.
        groups (int): the number of channel groups.

    Attributes:
        W (~chainerjax.Parameter): the filter.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> x = np.ones((1, 2, 5, 5, 5), np.float32)
        >>> L.ConvolutionND(3, 2, 7, 4)(x).shape
        (1, 7, 2, 2, 2)
        >>> L.ConvolutionND(3, 7, 4)(x).shape
        (1, 7, 2, 2, 2)
    """

    def __init__(self, ndim, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(ConvolutionND, self).__init__()
        in_channels, out_channels, ksize = _conv_base.lazy_channels(
            in_channels, out_channels, ksize)
        self.out_channels = out_channels
        self.ksize = conv._as_tuple(ksize, ndim)
        self.stride = stride
        self.pad = pad
        self.cover_all = cover_all
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
            in_channels, self.out_channels, self.ksize, self.groups))

    @classmethod
    def from_params(cls, W, b=None, stride=1, pad=0, nobias=False,
                    **kwargs):
        """from_params(cls, W, b=None, stride=1, pad=0, nobias=False, *, \
cover_all=False, dilate=1, groups=1)

        Builds a ConvolutionND link from a filter (and bias) array; the
        number of spatial axes is ``W.ndim - 2``.

        Raises:
            ValueError: if the sizes of ``W`` and ``b`` disagree.
        """
        cover_all, dilate, groups = conv._parse_kwargs(
            'from_params', kwargs, ('cover_all', False), ('dilate', 1),
            ('groups', 1))
        out_channels, in_per_group = W.shape[:2]
        ksize = tuple(W.shape[2:])
        if b is not None and out_channels != b.size:
            raise ValueError('`out_channels` does not match the size of `b`')
        return cls(len(ksize), in_per_group * groups, out_channels, ksize,
                   stride, pad, nobias, initialW=variable.as_array(W),
                   initial_bias=variable.as_array(b), cover_all=cover_all,
                   dilate=dilate, groups=groups)

    def forward(self, x):
        """Applies the convolution to ``x`` of shape
        ``(n, c, d_1, ..., d_N)``."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return convolution_nd.convolution_nd(
            x, self.W, self.b, self.stride, self.pad,
            cover_all=self.cover_all, dilate=self.dilate, groups=self.groups)


class Convolution1D(ConvolutionND):
    """One-dimensional convolution layer: :class:`ConvolutionND` with
    ``ndim=1``."""

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride, pad, nobias,
            initialW, initial_bias, cover_all, dilate, groups)


class Convolution3D(ConvolutionND):
    """Three-dimensional convolution layer: :class:`ConvolutionND` with
    ``ndim=3``."""

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride, pad, nobias,
            initialW, initial_bias, cover_all, dilate, groups)
