"""Two-dimensional convolution layer (``chainer.links.Convolution2D``)."""
from chainerjax.functions.connection import convolution_2d
from chainerjax import initializers
from chainerjax import link
from chainerjax.links.connection import _conv_base
from chainerjax.utils import conv
from chainerjax import variable


class Convolution2D(link.Link):
    """__init__(self, in_channels, out_channels, ksize=None, stride=1, \
pad=0, nobias=False, initialW=None, initial_bias=None, *, dilate=1, \
groups=1)

    Two-dimensional convolution layer.

    Holds a filter ``W`` of shape ``(out_channels, in_channels / groups,
    k_H, k_W)`` and a bias ``b`` of shape ``(out_channels,)``. The
    two-argument form ``Convolution2D(out_channels, ksize)`` (or
    ``in_channels=None``) initializes ``W`` at the first forward, from the
    channel axis of the input.

    Args:
        in_channels (int or None): the number of input channels; None for
            lazy initialization.
        out_channels (int): the number of output channels.
        ksize (int or pair of ints): the filter size.
        stride (int or pair of ints): the stride.
        pad (int or pair of ints): the zero padding.
        nobias (bool): no bias if True.
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
        >>> conv = L.Convolution2D(4, 3)
        >>> conv(np.ones((1, 2, 5, 5), np.float32)).shape
        (1, 4, 3, 3)
        >>> conv.W.shape
        (4, 2, 3, 3)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 **kwargs):
        super(Convolution2D, self).__init__()
        dilate, groups = conv._parse_kwargs(
            'Convolution2D', kwargs, ('dilate', 1), ('groups', 1),
            deterministic=conv._DETERMINISTIC_MSG)
        in_channels, out_channels, ksize = _conv_base.lazy_channels(
            in_channels, out_channels, ksize)
        self.ksize = ksize
        self.stride = conv._pair(stride)
        self.pad = conv._pair(pad)
        self.dilate = conv._pair(dilate)
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.groups = int(groups)
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if in_channels is not None:
                self._initialize_params(in_channels)
            self.b = _conv_base.bias_parameter(
                nobias, initial_bias, out_channels)

    @property
    def printable_specs(self):
        yield 'in_channels', self.in_channels
        yield 'out_channels', self.out_channels
        yield 'ksize', self.ksize
        yield 'stride', self.stride
        yield 'pad', self.pad
        yield 'nobias', self.b is None
        yield 'dilate', self.dilate
        yield 'groups', self.groups

    def _initialize_params(self, in_channels):
        self.W.initialize(_conv_base.filter_shape(
            in_channels, self.out_channels, conv._pair(self.ksize),
            self.groups))

    @classmethod
    def from_params(cls, W, b=None, stride=1, pad=0, nobias=False,
                    **kwargs):
        """from_params(cls, W, b=None, stride=1, pad=0, nobias=False, *, \
dilate=1, groups=1)

        Builds a Convolution2D link from a filter (and bias) array.

        Raises:
            ValueError: if the sizes of ``W`` and ``b`` disagree.
        """
        dilate, groups = conv._parse_kwargs(
            'from_params', kwargs, ('dilate', 1), ('groups', 1))
        out_channels, in_per_group, kh, kw = W.shape
        if b is not None and out_channels != b.size:
            raise ValueError('`out_channels` does not match the size of `b`')
        return cls(in_per_group * groups, out_channels, (kh, kw), stride,
                   pad, nobias, initialW=variable.as_array(W),
                   initial_bias=variable.as_array(b), dilate=dilate,
                   groups=groups)

    def forward(self, x):
        """Applies the convolution to ``x`` of shape ``(n, c, h, w)``."""
        if self.W.array is None:
            self._initialize_params(int(x.shape[1]))
        return convolution_2d.convolution_2d(
            x, self.W, self.b, self.stride, self.pad, dilate=self.dilate,
            groups=self.groups)
