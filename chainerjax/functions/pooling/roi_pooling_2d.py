"""Region of interest (RoI) max pooling (Fast R-CNN)."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


def _bins(lo, length, n_bins, size):
    """Start/end (exclusive) of the ``n_bins`` bins of each RoI along one
    axis: ``lo``/``length`` of shape (R,), results of shape (R, n_bins)."""
    stride = length.astype(jnp.float64) / n_bins
    k = jnp.arange(n_bins, dtype=jnp.float64)
    start = jnp.floor(k[None] * stride[:, None]).astype(jnp.int64)
    end = jnp.ceil((k[None] + 1) * stride[:, None]).astype(jnp.int64)
    start = jnp.clip(start + lo[:, None], 0, size)
    end = jnp.clip(end + lo[:, None], 0, size)
    return start, end


def _masked_first_max(v, mask, axis):
    """Max of ``v`` over ``axis`` where ``mask``; the value is gathered
    from the first maximum so that the gradient goes there only. Empty
    masks give -inf (callers replace it)."""
    masked = jnp.where(mask, v, jnp.asarray(-numpy.inf, v.dtype))
    idx = jnp.argmax(masked, axis=axis, keepdims=True)
    return jnp.take_along_axis(masked, idx, axis=axis).squeeze(axis)


class ROIPooling2D(function_node.FunctionNode):
    """Max over each of ``outh x outw`` bins of each RoI; empty bins are 0.
    The gradient goes to the first maximum (row-major) of each bin."""

    def __init__(self, outh, outw, spatial_scale):
        self.outh, self.outw = outh, outw
        self.spatial_scale = spatial_scale

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        x_type, roi_type = in_types
        type_check._argname((x_type, roi_type), ('x', 'rois'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.dtype == roi_type.dtype,
            roi_type.ndim == 2,
            roi_type.shape[1] == 5,
        )

    def forward(self, inputs):
        x, rois = inputs
        _, c, height, width = x.shape
        # Chainer computes the RoI corners in float64 with round half to
        # even (Python's round on NumPy scalars).
        r = rois.astype(jnp.float64)
        idx = r[:, 0].astype(jnp.int64)
        corners = jnp.round(r[:, 1:] * self.spatial_scale).astype(jnp.int64)
        xmin, ymin, xmax, ymax = (corners[:, i] for i in range(4))
        roi_w = jnp.maximum(xmax - xmin + 1, 1)
        roi_h = jnp.maximum(ymax - ymin + 1, 1)
        hs, he = _bins(ymin, roi_h, self.outh, height)    # (R, outh)
        ws, we = _bins(xmin, roi_w, self.outw, width)     # (R, outw)
        data = x[idx]                                     # (R, C, H, W)
        ww = jnp.arange(width)
        hh = jnp.arange(height)
        # max over the width bins: (R, C, H, outw)
        wmask = (ww[None, None, :] >= ws[:, :, None]) & \
            (ww[None, None, :] < we[:, :, None])          # (R, outw, W)
        t = _masked_first_max(data[:, :, :, None, :],
                              wmask[:, None, None, :, :], axis=-1)
        # then over the height bins: (R, C, outh, outw)
        hmask = (hh[None, None, :] >= hs[:, :, None]) & \
            (hh[None, None, :] < he[:, :, None])          # (R, outh, H)
        y = _masked_first_max(t[:, :, None, :, :],
                              hmask[:, None, :, :, None], axis=3)
        empty = (he <= hs)[:, None, :, None] | (we <= ws)[:, None, None, :]
        return jnp.where(empty, jnp.zeros((), x.dtype), y),


def roi_pooling_2d(x, rois, outh, outw, spatial_scale):
    """Spatial region of interest (RoI) max pooling.

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)``.
        rois (Variable or array): RoIs of shape ``(R, 5)``, each
            ``(batch_index, x_min, y_min, x_max, y_max)`` (dtype of ``x``).
        outh (int): the output height.
        outw (int): the output width.
        spatial_scale (float): scales the RoI coordinates to ``x``.

    Returns:
        ~chainerjax.Variable: output of shape ``(R, c, outh, outw)``.
    """
    return ROIPooling2D(outh, outw, spatial_scale).apply((x, rois))[0]
