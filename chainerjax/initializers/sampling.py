"""Bilinear up/downsampling filters for (de)convolution weights
(``chainer.initializers.UpsamplingDeconvFilter``,
``DownsamplingConvFilter``)."""
import numpy

from chainerjax import initializer


def _get_linear_filter(size, ndim, upsampling=True):
    """The ``ndim``-dimensional (bi/tri)linear kernel of width ``size``;
    normalized to sum 1 for downsampling."""
    factor = (size + 1) // 2
    if size % 2 == 1:
        center = factor - 1.
    else:
        center = factor - 0.5
    grids = numpy.ogrid[(slice(size),) * ndim]
    filt = 1.
    for g in grids:
        filt = filt * (1. - abs(g - center) / factor)
    if not upsampling:
        filt /= filt.sum()
    return filt


class _SamplingFilter(initializer.Initializer):

    def __init__(self, upsampling=True, interpolation='linear', dtype=None):
        self._upsampling = upsampling
        if interpolation == 'linear':
            self._get_filter_func = _get_linear_filter
        else:
            raise ValueError(
                'Unsupported interpolation method: {}'.format(interpolation))
        super(_SamplingFilter, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype
        initializer._check_writable(array, type(self).__name__)
        in_c, out_c = array.shape[:2]
        assert in_c == out_c or out_c == 1
        ksize = None
        for k in array.shape[2:]:
            if ksize is None:
                ksize = k
            elif ksize != k:
                raise ValueError(
                    'ksize must be all same: {} != {}'.format(ksize, k))
        filt = self._get_filter_func(
            ksize, ndim=array.ndim - 2, upsampling=self._upsampling)
        array[...] = 0.
        if out_c == 1:
            array[numpy.arange(in_c), 0, ...] = filt
        else:
            array[numpy.arange(in_c), numpy.arange(out_c), ...] = filt


class UpsamplingDeconvFilter(_SamplingFilter):
    """Fills a deconvolution weight with the bilinear upsampling kernel.

    Channel ``i`` is upsampled from channel ``i`` (the weight is zero
    elsewhere), or every channel from channel 0 when the second axis has
    size 1. Meant for a deconvolution whose stride is ``(ksize + 1) // 2``
    (Long et al., https://arxiv.org/abs/1411.4038).

    Args:
        interpolation (str): ``'linear'`` (the only one supported).
        dtype: the dtype of the arrays made.

    Raises:
        ValueError: for another interpolation; when called, if the kernel
            is not the same size along every spatial axis.
    """

    def __init__(self, interpolation='linear', dtype=None):
        if interpolation != 'linear':
            raise ValueError(
                'Unsupported interpolation method: {}'.format(interpolation))
        super(UpsamplingDeconvFilter, self).__init__(
            upsampling=True, interpolation=interpolation, dtype=dtype)


class DownsamplingConvFilter(_SamplingFilter):
    """Fills a convolution weight with the (normalized) bilinear
    downsampling kernel (see :class:`UpsamplingDeconvFilter`).

    Args:
        interpolation (str): ``'linear'`` (the only one supported).
        dtype: the dtype of the arrays made.

    Raises:
        ValueError: for another interpolation; when called, if the kernel
            is not the same size along every spatial axis.
    """

    def __init__(self, interpolation='linear', dtype=None):
        if interpolation != 'linear':
            raise ValueError(
                'Unsupported interpolation method: {}'.format(interpolation))
        super(DownsamplingConvFilter, self).__init__(
            upsampling=False, interpolation=interpolation, dtype=dtype)
