"""Constructor pieces shared by the convolution-family links.

Convolution2D, Deconvolution2D, ConvolutionND, DeconvolutionND,
DilatedConvolution2D and MLPConvolution2D all accept Chainer's
``(out_channels, ksize)`` short form, check the channel groups the same way
and build their bias the same way; these helpers hold that logic once.
"""
from chainerjax import initializers
from chainerjax import variable


def lazy_channels(in_channels, out_channels, ksize):
    """Reads Chainer's short form of the convolution constructors.

    With ``ksize`` omitted (None) the two given values are
    ``(out_channels, ksize)`` and the input channels are inferred at the
    first forward.

    Returns:
        tuple: ``(in_channels, out_channels, ksize)``.
    """
    if ksize is None:
        return None, in_channels, out_channels
    return in_channels, out_channels, ksize


def filter_shape(in_channels, out_channels, ksize, groups, transposed=False):
    """The shape of a (grouped) filter.

    Args:
        in_channels (int): the input channels.
        out_channels (int): the output channels.
        ksize (tuple of ints): the filter size along each spatial axis.
        groups (int): the number of channel groups.
        transposed (bool): True for a deconvolution filter
            ``(in_channels, out_channels / groups, ...)``; False for a
            convolution filter ``(out_channels, in_channels / groups, ...)``.

    Raises:
        ValueError: if a channel number is not divisible by ``groups``.
    """
    if out_channels % groups != 0:
        raise ValueError('the number of output channels must be '
                         'divisible by the number of groups')
    if in_channels % groups != 0:
        raise ValueError('the number of input channels must be '
                         'divisible by the number of groups')
    if transposed:
        return (in_channels, int(out_channels / groups)) + tuple(ksize)
    return (out_channels, int(in_channels / groups)) + tuple(ksize)


def bias_parameter(nobias, initial_bias, size):
    """The bias Parameter of ``size`` elements (zeros by default), or None
    when ``nobias`` is True."""
    if nobias:
        return None
    if initial_bias is None:
        initial_bias = 0
    return variable.Parameter(initializers._get_initializer(initial_bias),
                              size)
