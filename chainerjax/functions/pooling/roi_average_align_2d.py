"""Region of interest (RoI) average align (Mask R-CNN's RoIAlign)."""
import numbers

import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.functions.pooling.roi_max_pooling_2d import _pair
from chainerjax.functions.pooling.roi_max_pooling_2d import \
    _check_outsize_and_scale
from chainerjax.functions.pooling.roi_max_pooling_2d import _check_roi_types


def _check_sampling_ratio(sampling_ratio):
    sampling_ratio = _pair(sampling_ratio)
    if not all((isinstance(s, numbers.Integral) and s >= 1) or s is None
               for s in sampling_ratio):
        raise TypeError(
            'sampling_ratio must be integer >= 1 or a pair of it: {}'
            .format(sampling_ratio))
    return tuple(None if s is None else int(s) for s in sampling_ratio)


def _max_in_bounds(size):
    # The most samples of one bin that can fall in [-1, size] when the
    # sample count is automatic (``ceil(bin size)`` samples, spaced more
    # than 2/3 pixel apart once there are more than 2), plus one of slack.
    return 2 * size + 3


def _grid_sizes(rois, spatial_scale, outsize, sampling_ratio, sizes):
    """The number of samples per bin that the kernel computes along each
    axis (a static shape).

    A given ``sampling_ratio`` is used as it is. Otherwise the count of
    each RoI is ``ceil(RoI size / output size)``; with concrete RoIs the
    largest one is used (bounded by the samples that can fall inside the
    input), and with traced RoIs the bound itself."""
    if all(ratio is not None for ratio in sampling_ratio):
        return tuple(sampling_ratio)
    if isinstance(rois, variable.Variable):
        rois = rois._data
    shape = getattr(rois, 'shape', ())
    if len(sizes) != 2 or len(shape) != 2 or shape[1] != 4:
        return (1, 1)   # invalid inputs: the type check tells
    traced = isinstance(rois, jax.core.Tracer)
    if not traced:
        rois = numpy.asarray(rois, numpy.float64) * spatial_scale
    grid = []
    for axis, (n_out, ratio, size) in enumerate(
            zip(outsize, sampling_ratio, sizes)):
        if ratio is not None:
            grid.append(ratio)
        elif traced:
            grid.append(_max_in_bounds(size))
        elif rois.shape[0] == 0:
            grid.append(1)
        else:
            length = numpy.maximum(rois[:, axis + 2] - rois[:, axis], 1.)
            count = int(numpy.ceil(length / n_out).max())
            grid.append(max(1, min(count, _max_in_bounds(size))))
    return tuple(grid)


def _axis_samples(lo, hi, n_out, ratio, size, n_samples):
    """Bilinear sampling along one axis, as in Chainer's RoIAlign.

    Args:
        lo, hi: scaled RoI start and end, float64 arrays of shape ``(R,)``.
        n_out (int): output bins along the axis.
        ratio (int or None): samples per bin (None: ``ceil(bin size)``).
        size (int): input size along the axis.
        n_samples (int): static number of samples computed per bin.

    Returns:
        ``(weights, valid, count)``: ``weights`` of shape
        ``(R, n_out, n_samples, size)`` holds the interpolation weights of
        each sample over the pixels, ``valid`` ``(R, n_out, n_samples)``
        tells the samples that Chainer takes (inside the grid and within
        ``[-1, size]``), ``count`` ``(R,)`` is the samples per bin.
    """
    length = jnp.maximum(hi - lo, 1.)
    bin_size = length / n_out
    if ratio is None:
        count = jnp.ceil(bin_size)
    else:
        count = jnp.full_like(bin_size, ratio)
    bin_size = bin_size[:, None, None]
    grid = count[:, None, None]
    base = lo[:, None, None] + jnp.arange(n_out)[None, :, None] * bin_size
    if ratio is None:
        # start at the first sample that can be inside [-1, size]
        first = jnp.ceil((-1. - base) / (bin_size / grid) - .5) - 1.
        first = jnp.clip(first, 0., jnp.maximum(grid - n_samples, 0.))
    else:
        first = jnp.zeros_like(base)
    index = first + jnp.arange(n_samples)[None, None, :]
    p = base + (index + .5) * bin_size / grid
    valid = (index < grid) & (p >= -1.) & (p <= size)
    low = jnp.floor(jnp.where(valid, p, 0.)).astype(jnp.int64)
    low = jnp.where(low == size, size - 1, low)
    high = low + 1
    p = jnp.where(low <= -1, 0., jnp.where(high >= size, size - 1., p))
    w_low = high - p
    w_high = p - low
    w_low = jnp.where(valid & (w_low > 0) & (low >= 0), w_low, 0.)
    w_high = jnp.where(valid & (w_high > 0) & (high <= size - 1), w_high, 0.)
    pixels = jnp.arange(size)
    weights = (w_low[..., None] * (pixels == low[..., None])
               + w_high[..., None] * (pixels == high[..., None]))
    return weights, valid, count


def _samples(node, rois, height, width):
    """The sampling of both axes: ``((wy, vy, cy), (wx, vx, cx))``."""
    r = rois.astype(jnp.float64) * node.spatial_scale
    kh, kw = node._grid
    ys = _axis_samples(r[:, 0], r[:, 2], node.outh, node.sampling_ratio[0],
                       height, kh)
    xs = _axis_samples(r[:, 1], r[:, 3], node.outw, node.sampling_ratio[1],
                       width, kw)
    return ys, xs


class _ROIAlign2D(function_node.FunctionNode):

    _no_grad_inputs = (1, 2)
    _grid = None

    def __init__(self, outsize, spatial_scale, sampling_ratio=None):
        self.outh, self.outw, self.spatial_scale = \
            _check_outsize_and_scale(outsize, spatial_scale)
        self.sampling_ratio = _check_sampling_ratio(sampling_ratio)

    def check_type_forward(self, in_types):
        _check_roi_types(in_types, float32_only=True)

    def apply(self, inputs):
        # The samples per bin are a static shape of the kernel.
        x, rois = inputs[0], inputs[1]
        self._grid = _grid_sizes(rois, self.spatial_scale,
                                 (self.outh, self.outw), self.sampling_ratio,
                                 tuple(x.shape[2:4]))
        return super(_ROIAlign2D, self).apply(inputs)


class ROIAverageAlign2D(_ROIAlign2D):
    """Mean of bilinearly interpolated samples over each bin of each RoI.

    Each bin is sampled on a regular ``sampling_ratio`` grid; samples
    outside of ``[-1, size]`` add nothing but still count in the divisor,
    as in Chainer. ``rois`` and ``roi_indices`` get no gradient.
    """

    def forward(self, inputs):
        x, rois, roi_indices = inputs
        _, _, height, width = x.shape
        (wy, _, cy), (wx, _, cx) = _samples(self, rois, height, width)
        wy = wy.sum(axis=2).astype(x.dtype)        # (R, outh, H)
        wx = wx.sum(axis=2).astype(x.dtype)        # (R, outw, W)
        total = jnp.einsum('rph,rchw,rqw->rcpq', wy, x[roi_indices], wx)
        count = (cy * cx).astype(x.dtype)[:, None, None, None]
        return total / count,


def roi_average_align_2d(
        x, rois, roi_indices, outsize, spatial_scale, sampling_ratio=None):
    """Spatial region of interest (RoI) average align.

    Like :func:`roi_average_pooling_2d`, but the RoI is not rounded to
    pixels: each bin is the mean of bilinearly interpolated samples.

    Args:
        x (Variable or array): float32 input of shape ``(n, c, h, w)``.
        rois (Variable or array): float32 RoIs of shape ``(R, 4)``, each
            ``(y_min, x_min, y_max, x_max)``.
        roi_indices (Variable or array): int32 array of shape ``(R,)``, the
            batch index of each RoI.
        outsize ((int, int) or int): output ``(height, width)``; ``o`` is
            ``(o, o)``.
        spatial_scale (float): the factor from RoI coordinates to ``x``'s.
        sampling_ratio ((int, int), int or None): samples per bin along
            ``(height, width)``, each an integer >= 1 or None (then
            ``ceil(RoI size / output size)``, per RoI); ``s`` is ``(s, s)``.

    Returns:
        ~chainerjax.Variable: output of shape ``(R, c, outh, outw)``.

    See: `Mask R-CNN <https://arxiv.org/abs/1703.06870>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 4, 4]], np.float32)
        >>> F.roi_average_align_2d(x, rois, np.array([0], np.int32), 2,
        ...                        1.0, 2).array
        array([[[[ 5.  ,  6.75],
                 [12.  , 13.75]]]], dtype=float32)
    """
    return ROIAverageAlign2D(outsize, spatial_scale, sampling_ratio).apply(
        (x, rois, roi_indices))[0]
