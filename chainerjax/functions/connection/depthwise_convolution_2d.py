"""Two-dimensional depthwise convolution."""
from chainerjax.functions.array import reshape
from chainerjax.functions.array import transpose
from chainerjax.functions.connection import convolution_2d


def depthwise_convolution_2d(x, W, b=None, stride=1, pad=0):
    """Two-dimensional depthwise convolution.

    Each input channel is convolved with its own ``c_M`` filters; the
    outputs of input channel ``i`` are the channels
    ``i * c_M ... (i + 1) * c_M - 1``.

    Args:
        x (Variable or array): input of shape ``(n, c_I, h, w)``.
        W (Variable or array): weight of shape ``(c_M, c_I, k_H, k_W)``
            (``c_M``: the channel multiplier).
        b (Variable or array): bias of shape ``(c_M * c_I,)``, or None.
        stride (int or pair of ints): stride.
        pad (int or pair of ints): zero padding on both sides.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_M * c_I, h_O, w_O)``.
    """
    multiplier, in_channels, kh, kw = W.shape
    W = transpose.transpose(W, (1, 0, 2, 3))
    W = reshape.reshape(W, (multiplier * in_channels, 1, kh, kw))
    return convolution_2d.convolution_2d(x, W, b, stride, pad,
                                         groups=in_channels)
