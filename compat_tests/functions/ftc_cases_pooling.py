"""FunctionTestCase cases of ``chainer.functions.pooling``.

Every function runs in float16, float32 and float64 (the ``roi_*_2d``
functions in float32 only: Chainer supports no other dtype) on small
shapes; options (stride, pad, cover_all, pad_value, outsize) run in
float64. Inputs of the max-type poolings have no ties (``distinct``), so
that the maximum of each window is unique and numerical gradients are
taken where the function is smooth; no window lies entirely in the padding
(its maximum would be -inf, where numerical gradients are NaN). Regions of
interest and upsampling indices are fixed by the parameters or are int32
inputs.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('pooling')
F64 = [numpy.float64]
F32 = [numpy.float32]


def _u(g):
    return (g.u(),)


def _distinct(g):
    return (g.distinct(),)


def _pool(name):
    return lambda F, p, x: getattr(F, name)(x, p.ksize, **dict(p.opts))


average_pooling_1d = T.case(
    'average_pooling_1d',
    [{'dtype': FLOATS, 'shape': [(2, 2, 6)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 2, 5)], 'ksize': [3], 'opts': [
         (('stride', 2), ('pad', 1), ('pad_value', None))]}],
    _u,
    _pool('average_pooling_1d'))

average_pooling_2d = T.case(
    'average_pooling_2d',
    [{'dtype': FLOATS, 'shape': [(2, 2, 4, 4)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 2, 5, 4)], 'ksize': [3],
      'opts': [(('stride', 2), ('pad', 1))]}],
    _u,
    _pool('average_pooling_2d'))

average_pooling_3d = T.case(
    'average_pooling_3d',
    [{'dtype': FLOATS, 'shape': [(1, 2, 2, 4, 2)], 'ksize': [2],
      'opts': [()]},
     {'dtype': F64, 'shape': [(1, 1, 2, 3, 2)], 'ksize': [2],
      'opts': [(('pad', 1), ('pad_value', None))]}],
    _u,
    _pool('average_pooling_3d'))

average_pooling_nd = T.case(
    'average_pooling_nd',
    [{'dtype': FLOATS, 'shape': [(1, 2, 3, 3)], 'ksize': [2],
      'opts': [(('stride', 1),)]},
     {'dtype': F64, 'shape': [(1, 1, 4, 4)], 'ksize': [(3, 2)],
      'opts': [(('stride', 2), ('pad', (1, 0)), ('pad_value', None))]}],
    _u,
    _pool('average_pooling_nd'))

max_pooling_1d = T.case(
    'max_pooling_1d',
    [{'dtype': FLOATS, 'shape': [(2, 2, 5)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 2, 6)], 'ksize': [3], 'opts': [
         (('stride', 2), ('pad', 1), ('cover_all', False))]}],
    _distinct,
    _pool('max_pooling_1d'))

max_pooling_2d = T.case(
    'max_pooling_2d',
    [{'dtype': FLOATS, 'shape': [(1, 2, 4, 4)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 2, 5, 5)], 'ksize': [(3, 2)], 'opts': [
         (('stride', 2),),
         (('stride', (1, 2)), ('pad', (0, 1)), ('cover_all', False))]}],
    _distinct,
    _pool('max_pooling_2d'))

max_pooling_3d = T.case(
    'max_pooling_3d',
    {'dtype': FLOATS, 'shape': [(1, 2, 3, 2, 3)], 'ksize': [2], 'opts': [()]},
    _distinct,
    _pool('max_pooling_3d'))

max_pooling_nd = T.case(
    'max_pooling_nd',
    [{'dtype': FLOATS, 'shape': [(1, 1, 4, 4)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 1, 3, 2, 2)], 'ksize': [(2, 2, 1)],
      'opts': [(('pad', (1, 0, 0)), ('cover_all', False))]}],
    _distinct,
    _pool('max_pooling_nd'))

# (y_min, x_min, y_max, x_max) boxes and their batch indices.
_ROIS = numpy.array([[1.0, 1.0, 4.5, 3.5], [0.0, 0.5, 3.0, 4.0],
                     [0.5, 0.0, 2.5, 2.0]])
_ROI_INDICES = numpy.array([0, 1, 0], numpy.int32)


def _roi(name):
    def forward(F, p, x):
        kwargs = dict(p.opts)
        return getattr(F, name)(x, _ROIS.astype(p.dtype), _ROI_INDICES,
                                p.outsize, p.spatial_scale, **kwargs)
    return forward


def _roi_case(name, inputs, sampling_ratio=False):
    grid = [{'dtype': F32, 'shape': [(2, 2, 4, 5)],
             'outsize,spatial_scale,opts': [(2, 0.8, ()),
                                            ((1, 3), 1.0, ())]}]
    if sampling_ratio:
        grid[0]['outsize,spatial_scale,opts'].append(
            (2, 0.8, (('sampling_ratio', (2, 1)),)))
    return T.case(name, grid, inputs, _roi(name))


# Chainer's roi_*_2d functions support float32 only. (With a sampling
# ratio, roi_max_align_2d takes the maximum of samples that can tie on
# these inputs, where Chainer's gradient check fails too.)
roi_average_align_2d = _roi_case('roi_average_align_2d', _u,
                                 sampling_ratio=True)
roi_average_pooling_2d = _roi_case('roi_average_pooling_2d', _u)
roi_max_align_2d = _roi_case('roi_max_align_2d', _distinct)
roi_max_pooling_2d = _roi_case('roi_max_pooling_2d', _distinct)

# (batch index, x_min, y_min, x_max, y_max) boxes.
_ROIS_5 = numpy.array([[0, 1, 1, 6, 6], [1, 2, 0, 7, 5], [0, 0, 0, 3, 2]],
                      numpy.float32)

roi_pooling_2d = T.case(
    'roi_pooling_2d',
    [{'dtype': FLOATS, 'shape': [(2, 2, 4, 5)],
      'outh,outw,spatial_scale': [(2, 2, 0.6)]},
     {'dtype': F64, 'shape': [(2, 1, 4, 5)],
      'outh,outw,spatial_scale': [(1, 2, 0.5)]}],
    _distinct,
    lambda F, p, x: F.roi_pooling_2d(x, _ROIS_5.astype(p.dtype), p.outh,
                                     p.outw, p.spatial_scale))

spatial_pyramid_pooling_2d = T.case(
    'spatial_pyramid_pooling_2d',
    {'dtype': FLOATS, 'shape': [(2, 2, 4, 4)], 'pyramid_height': [2]},
    _distinct,
    lambda F, p, x: F.spatial_pyramid_pooling_2d(x, p.pyramid_height,
                                                 pooling='max'))


def _unpool(name):
    return lambda F, p, x: getattr(F, name)(x, p.ksize, **dict(p.opts))


unpooling_1d = T.case(
    'unpooling_1d',
    [{'dtype': FLOATS, 'shape': [(2, 2, 3)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 1, 3)], 'ksize': [3],
      'opts': [(('stride', 2), ('outsize', (6,)))]}],
    _u,
    _unpool('unpooling_1d'))

unpooling_2d = T.case(
    'unpooling_2d',
    [{'dtype': FLOATS, 'shape': [(2, 2, 2, 3)], 'ksize': [2], 'opts': [()]},
     {'dtype': F64, 'shape': [(1, 1, 3, 2)], 'ksize': [3],
      'opts': [(('stride', 2), ('pad', 1)),
               (('stride', 2), ('cover_all', False))]}],
    _u,
    _unpool('unpooling_2d'))

unpooling_3d = T.case(
    'unpooling_3d',
    {'dtype': FLOATS, 'shape': [(1, 1, 2, 1, 2)], 'ksize': [2], 'opts': [()]},
    _u,
    _unpool('unpooling_3d'))

unpooling_nd = T.case(
    'unpooling_nd',
    [{'dtype': FLOATS, 'shape': [(1, 2, 2, 3)], 'ksize': [(2, 1)],
      'opts': [()]},
     {'dtype': F64, 'shape': [(1, 1, 3)], 'ksize': [3],
      'opts': [(('stride', 2), ('pad', 1), ('cover_all', False))]}],
    _u,
    _unpool('unpooling_nd'))


def _upsampling_inputs(g):
    # The indexes (as max_pooling_2d's return_indices gives them): one
    # position in each ksize window, an int32 input (an array for
    # upsampling_2d).
    kh, kw = (g.ksize, g.ksize) if isinstance(g.ksize, int) else g.ksize
    return (g.u(), g.ints(0, kh * kw, g.shape))


upsampling_2d = T.case(
    'upsampling_2d',
    [{'dtype': FLOATS, 'shape': [(1, 2, 2, 3)], 'ksize': [2],
      'opts': [(('outsize', (4, 5)),)]},
     {'dtype': F64, 'shape': [(1, 1, 3, 3)], 'ksize': [3],
      'opts': [(('stride', 2), ('pad', 1), ('outsize', (5, 5))),
               (('stride', 2), ('pad', 1))]}],
    _upsampling_inputs,
    lambda F, p, x, indexes: F.upsampling_2d(x, indexes.array, p.ksize,
                                             **dict(p.opts)))
