"""Region of interest (RoI) max pooling with ``(y, x)`` RoIs and a separate
batch index array."""
import numbers

import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.functions.pooling.roi_pooling_2d import _bins
from chainerjax.functions.pooling.roi_pooling_2d import _masked_first_max
from chainerjax.utils import collections_abc
from chainerjax.utils import type_check


def _pair(x):
    if isinstance(x, collections_abc.Iterable):
        return x
    return x, x


def _check_outsize_and_scale(outsize, spatial_scale):
    """Validates the options shared by the RoI functions as Chainer does;
    returns ``(outh, outw, spatial_scale)`` with the scale a float."""
    outh, outw = _pair(outsize)
    if not (isinstance(outh, numbers.Integral) and outh > 0):
        raise TypeError(
            'outsize[0] must be positive integer: {}, {}'
            .format(type(outh), outh))
    if not (isinstance(outw, numbers.Integral) and outw > 0):
        raise TypeError(
            'outsize[1] must be positive integer: {}, {}'
            .format(type(outw), outw))
    if isinstance(spatial_scale, numbers.Integral):
        spatial_scale = float(spatial_scale)
    if not (isinstance(spatial_scale, numbers.Real) and spatial_scale > 0):
        raise TypeError(
            'spatial_scale must be a positive float number: {}, {}'
            .format(type(spatial_scale), spatial_scale))
    return int(outh), int(outw), float(spatial_scale)


def _check_roi_types(in_types, float32_only=False):
    type_check._argname(in_types, ('x', 'rois', 'roi_indices'))
    x_type, roi_type, roi_index_type = in_types
    if float32_only:
        type_check.expect(
            x_type.dtype == numpy.float32,
            roi_type.dtype == numpy.float32,
        )
    else:
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.dtype == roi_type.dtype,
        )
    type_check.expect(
        x_type.ndim == 4,
        roi_type.ndim == 2,
        roi_type.shape[1] == 4,
        roi_index_type.dtype == numpy.int32,
        roi_index_type.ndim == 1,
        roi_type.shape[0] == roi_index_type.shape[0],
    )


def _integer_bins(rois, spatial_scale, outh, outw, height, width):
    """The pixel bins of each RoI: ``(hs, he, ws, we)``, starts and
    exclusive ends of shapes ``(R, outh)`` and ``(R, outw)``.

    As in Chainer, the corners are scaled in float64 and rounded half to
    even, and a RoI is at least one pixel high and wide (no ``+ 1``: the
    end corner is exclusive)."""
    corners = jnp.round(rois.astype(jnp.float64) * spatial_scale)
    corners = corners.astype(jnp.int64)
    ymin, xmin, ymax, xmax = (corners[:, i] for i in range(4))
    roi_h = jnp.maximum(ymax - ymin, 1)
    roi_w = jnp.maximum(xmax - xmin, 1)
    hs, he = _bins(ymin, roi_h, outh, height)
    ws, we = _bins(xmin, roi_w, outw, width)
    return hs, he, ws, we


def _bin_masks(hs, he, ws, we, height, width):
    """Boolean masks ``(R, outh, H)`` and ``(R, outw, W)`` of the pixels of
    each bin along each axis."""
    hh = jnp.arange(height)[None, None, :]
    ww = jnp.arange(width)[None, None, :]
    hmask = (hh >= hs[:, :, None]) & (hh < he[:, :, None])
    wmask = (ww >= ws[:, :, None]) & (ww < we[:, :, None])
    return hmask, wmask


class ROIMaxPooling2D(function_node.FunctionNode):
    """Max over each of the ``outh x outw`` bins of each RoI.

    Bins that fall outside of the input are ``-inf``, as in Chainer. The
    gradient of a bin goes to its first maximum in row-major order; bins of
    a RoI may overlap, and a pixel in several bins gets their gradients
    summed. ``rois`` and ``roi_indices`` get no gradient.
    """

    _no_grad_inputs = (1, 2)

    def __init__(self, outsize, spatial_scale):
        self.outh, self.outw, self.spatial_scale = \
            _check_outsize_and_scale(outsize, spatial_scale)

    def check_type_forward(self, in_types):
        _check_roi_types(in_types)

    def forward(self, inputs):
        x, rois, roi_indices = inputs
        _, _, height, width = x.shape
        hs, he, ws, we = _integer_bins(rois, self.spatial_scale, self.outh,
                                       self.outw, height, width)
        hmask, wmask = _bin_masks(hs, he, ws, we, height, width)
        data = x[roi_indices]                             # (R, C, H, W)
        # max over the width bins, then over the height bins; empty bins
        # stay -inf (and pass no gradient)
        t = _masked_first_max(data[:, :, :, None, :],
                              wmask[:, None, None, :, :], axis=-1)
        y = _masked_first_max(t[:, :, None, :, :],
                              hmask[:, None, :, :, None], axis=3)
        return y,


def roi_max_pooling_2d(x, rois, roi_indices, outsize, spatial_scale):
    """Spatial region of interest (RoI) max pooling.

    Each RoI ``(y_min, x_min, y_max, x_max)`` is scaled by
    ``spatial_scale``, rounded to pixels and split into ``outsize`` bins;
    the output is the maximum of each bin, per channel.

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        rois (Variable or array): RoIs of shape ``(R, 4)``, each
            ``(y_min, x_min, y_max, x_max)``, of ``x``'s dtype.
        roi_indices (Variable or array): int32 array of shape ``(R,)``, the
            batch index of each RoI.
        outsize ((int, int) or int): output ``(height, width)``; ``o`` is
            ``(o, o)``.
        spatial_scale (float): the factor from RoI coordinates to ``x``'s.

    Returns:
        ~chainerjax.Variable: output of shape ``(R, c, outh, outw)``; bins
        outside of the input are ``-inf``.

    See: `Fast R-CNN <https://arxiv.org/abs/1504.08083>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 4, 4]], np.float32)
        >>> F.roi_max_pooling_2d(x, rois, np.array([0], np.int32), 2,
        ...                      1.0).array
        array([[[[ 5.,  7.],
                 [13., 15.]]]], dtype=float32)
    """
    return ROIMaxPooling2D(outsize, spatial_scale).apply(
        (x, rois, roi_indices))[0]
