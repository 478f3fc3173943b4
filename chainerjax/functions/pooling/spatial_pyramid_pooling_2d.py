"""Spatial pyramid pooling."""
import math

from chainerjax.functions.array import concat
from chainerjax.functions.array import reshape
from chainerjax.functions.pooling import max_pooling_nd


def spatial_pyramid_pooling_2d(x, pyramid_height, pooling=None):
    """Spatial pyramid pooling.

    Level ``i`` (``0 <= i < pyramid_height``) max-pools ``x`` into a
    ``2^i x 2^i`` grid: window ``ceil(b / 2^i)`` and padding
    ``(2^i * window - b) // 2`` along each axis of size ``b``. The results
    are flattened and concatenated along the channels.

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        pyramid_height (int): the number of pyramid levels.
        pooling (str): ``'max'`` (the only supported pooling; anything else,
            None included, raises ValueError as in Chainer).

    Returns:
        ~chainerjax.Variable: output of shape
        ``(n, c * sum_i 4^i, 1, 1)``.
    """
    bottom_c, bottom_h, bottom_w = x.shape[1:]
    ys = []
    for pyramid_level in range(pyramid_height):
        n_bins = int(2 ** pyramid_level)
        ksize_h = int(math.ceil(bottom_h / float(n_bins)))
        pad_h = (ksize_h * n_bins - bottom_h) // 2
        ksize_w = int(math.ceil(bottom_w / float(n_bins)))
        pad_w = (ksize_w * n_bins - bottom_w) // 2
        if pooling != 'max':
            raise ValueError('Unsupported pooling operation: ', pooling)
        y = max_pooling_nd.max_pooling_2d(
            x, ksize=(ksize_h, ksize_w), stride=None, pad=(pad_h, pad_w),
            cover_all=True)
        n, c, h, w = y.shape
        ys.append(reshape.reshape(y, (n, c * h * w, 1, 1)))
    return concat.concat(ys)
