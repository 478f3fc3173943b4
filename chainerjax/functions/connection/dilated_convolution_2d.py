"""Two-dimensional dilated convolution."""
from chainerjax.functions.connection import convolution_2d


def dilated_convolution_2d(x, W, b=None, stride=1, pad=0, dilate=1,
                           cover_all=False):
    """Two-dimensional dilated convolution.

    The same as :func:`~chainerjax.functions.convolution_2d` with the
    ``dilate`` option (note the different positional order).

    Args:
        x (Variable or array): input of shape ``(n, c_I, h, w)``.
        W (Variable or array): weight of shape ``(c_O, c_I, k_H, k_W)``.
        b (Variable or array): bias of shape ``(c_O,)``, or None.
        stride (int or pair of ints): stride.
        pad (int or pair of ints): zero padding on both sides.
        dilate (int or pair of ints): dilation of the filter.
        cover_all (bool): see :func:`~chainerjax.functions.convolution_2d`.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, c_O, h_O, w_O)``.
    """
    return convolution_2d.convolution_2d(x, W, b, stride, pad, cover_all,
                                         dilate=dilate)
