"""Region of interest (RoI) average pooling with ``(y, x)`` RoIs and a
separate batch index array."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.functions.pooling.roi_max_pooling_2d import _bin_masks
from chainerjax.functions.pooling.roi_max_pooling_2d import \
    _check_outsize_and_scale
from chainerjax.functions.pooling.roi_max_pooling_2d import _check_roi_types
from chainerjax.functions.pooling.roi_max_pooling_2d import _integer_bins


class ROIAveragePooling2D(function_node.FunctionNode):
    """Mean over each of the ``outh x outw`` bins of each RoI.

    Bins that fall outside of the input are 0. Each pixel of a bin gets
    ``1 / (bin height * bin width)`` of the bin's gradient; ``rois`` and
    ``roi_indices`` get no gradient.
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
        # the bin sums as two contractions with the 0/1 bin masks
        acc = numpy.float32 if x.dtype == numpy.float16 else x.dtype
        total = jnp.einsum('rph,rchw,rqw->rcpq', hmask.astype(x.dtype),
                           x[roi_indices], wmask.astype(x.dtype),
                           preferred_element_type=acc)
        count = ((he - hs)[:, :, None] * (we - ws)[:, None, :])[:, None]
        empty = count <= 0
        y = total / jnp.where(empty, 1, count).astype(acc)
        return jnp.where(empty, 0, y).astype(x.dtype),


def roi_average_pooling_2d(x, rois, roi_indices, outsize, spatial_scale):
    """Spatial region of interest (RoI) average pooling.

    Each RoI ``(y_min, x_min, y_max, x_max)`` is scaled by
    ``spatial_scale``, rounded to pixels and split into ``outsize`` bins;
    the output is the mean of each bin, per channel.

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
        outside of the input are 0.

    See: `Fast R-CNN <https://arxiv.org/abs/1504.08083>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 4, 4]], np.float32)
        >>> F.roi_average_pooling_2d(x, rois, np.array([0], np.int32), 2,
        ...                          1.0).array
        array([[[[ 2.5,  4.5],
                 [10.5, 12.5]]]], dtype=float32)
    """
    return ROIAveragePooling2D(outsize, spatial_scale).apply(
        (x, rois, roi_indices))[0]
