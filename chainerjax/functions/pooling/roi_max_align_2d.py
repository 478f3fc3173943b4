"""Region of interest (RoI) max align."""
import jax.numpy as jnp

from chainerjax.functions.pooling.roi_average_align_2d import _ROIAlign2D
from chainerjax.functions.pooling.roi_average_align_2d import _samples
from chainerjax.functions.pooling.roi_pooling_2d import _masked_first_max


class ROIMaxAlign2D(_ROIAlign2D):
    """Max of bilinearly interpolated samples over each bin of each RoI.

    Samples outside of ``[-1, size]`` are left out; a bin without any
    sample is ``-inf``. The gradient of a bin goes to the interpolation
    weights of its first maximal sample (samples in row-major order), as
    in Chainer. ``rois`` and ``roi_indices`` get no gradient.
    """

    def forward(self, inputs):
        x, rois, roi_indices = inputs
        _, _, height, width = x.shape
        (wy, vy, _), (wx, vx, _) = _samples(self, rois, height, width)
        # every sample's value: (R, C, outh, outw, samples_h, samples_w)
        v = jnp.einsum('rpkh,rchw,rqlw->rcpqkl', wy.astype(x.dtype),
                       x[roi_indices], wx.astype(x.dtype))
        valid = vy[:, :, None, :, None] & vx[:, None, :, None, :]
        n_rois, channels, outh, outw, kh, kw = v.shape
        v = v.reshape(n_rois, channels, outh, outw, kh * kw)
        valid = valid.reshape(n_rois, 1, outh, outw, kh * kw)
        return _masked_first_max(v, valid, axis=-1),


def roi_max_align_2d(
        x, rois, roi_indices, outsize, spatial_scale, sampling_ratio=None):
    """Spatial region of interest (RoI) max align.

    Like :func:`roi_max_pooling_2d`, but the RoI is not rounded to pixels:
    each bin is the maximum of bilinearly interpolated samples.

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
        ~chainerjax.Variable: output of shape ``(R, c, outh, outw)``; bins
        without samples inside the input are ``-inf``.

    See: `Mask R-CNN <https://arxiv.org/abs/1703.06870>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 4, 4]], np.float32)
        >>> F.roi_max_align_2d(x, rois, np.array([0], np.int32), 2,
        ...                    1.0, 2).array
        array([[[[ 7.5,  9. ],
                 [13.5, 15. ]]]], dtype=float32)
    """
    return ROIMaxAlign2D(outsize, spatial_scale, sampling_ratio).apply(
        (x, rois, roi_indices))[0]
