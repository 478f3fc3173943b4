"""``chainer.functions.pooling``: values, dtypes, gradients, double backward
and errors against Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set
(stride, pad, cover_all, pad_value, outsize) runs in one dtype in turn
(``sweep``). Max pooling is also run on inputs with ties (Chainer routes the
gradient to the first maximum of each window).
"""
from compat_tests.functions._common import arr, check, err, sweep

F64 = ('float64',)


def _ties(np):
    # (1, 1, 4, 4): windows of 2x2 with repeated maxima
    return np.array([[[[1.0, 1.0, 0.0, 2.0],
                       [1.0, 0.5, 2.0, 2.0],
                       [-1.0, -1.0, 3.0, 0.0],
                       [-1.0, -1.0, 0.0, 3.0]]]])


def case_average_pooling_2d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k2', lambda x: F.average_pooling_2d(x, 2), [(2, 2, 4, 4)]),
        ('stride_pad', lambda x: F.average_pooling_2d(x, 3, stride=2, pad=1),
         [(1, 2, 5, 4)]),
        ('tuple', lambda x: F.average_pooling_2d(x, (2, 1), stride=(1, 2)),
         [(1, 1, 3, 4)])], 1)
    check(chainer, np, out, 'k2', lambda x: F.average_pooling_2d(x, 2),
          [(2, 2, 4, 4)], 1, dtypes=(), double=F64)
    out['err_ndim'] = err(F.average_pooling_2d,
                          np.zeros((2, 4, 4), np.float32), 2)
    out['err_int'] = err(F.average_pooling_2d,
                         np.zeros((1, 1, 4, 4), np.int32), 2)
    return out


def case_average_pooling_1d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k2', lambda x: F.average_pooling_1d(x, 2), [(2, 2, 6)]),
        ('pad_value_none',
         lambda x: F.average_pooling_1d(x, 3, stride=2, pad=1,
                                        pad_value=None), [(1, 2, 5)]),
        ('pad_zero', lambda x: F.average_pooling_1d(x, 3, stride=2, pad=1),
         [(1, 2, 5)])], 4)
    out['err_ndim'] = err(F.average_pooling_1d,
                          np.zeros((1, 2, 4, 4), np.float32), 2)
    return out


def case_average_pooling_3d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k2', lambda x: F.average_pooling_3d(x, 2), [(1, 2, 2, 4, 2)]),
        ('pad_value_none',
         lambda x: F.average_pooling_3d(x, 2, pad=1, pad_value=None),
         [(1, 1, 2, 3, 2)])], 7)
    return out


def case_average_pooling_nd(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', lambda x: F.average_pooling_nd(x, 2, stride=1),
         [(1, 2, 3, 3)]),
        ('pad_value_none',
         lambda x: F.average_pooling_nd(x, (3, 2), stride=2, pad=(1, 0),
                                        pad_value=None), [(1, 1, 4, 4)])],
        9)
    out['err_pad_value'] = err(F.average_pooling_nd,
                               np.zeros((1, 1, 4), np.float32), 2,
                               pad_value=1)
    return out


def case_max_pooling_2d(chainer, F, np):
    out = {}
    runs = [('k2', lambda x: F.max_pooling_2d(x, 2), [(1, 1, 4, 4)]),
            ('stride1', lambda x: F.max_pooling_2d(x, 2, stride=1),
             [(1, 1, 4, 4)])]
    for tag, kw, shape in (
            ('cover_all_default', {'stride': 2}, (1, 1, 5, 5)),
            ('no_cover_all', {'stride': 2, 'cover_all': False},
             (1, 1, 5, 5)),
            ('pad', {'stride': 2, 'pad': 1}, (1, 2, 4, 3)),
            ('tuple', {'stride': (1, 2), 'pad': (0, 1)}, (1, 1, 3, 4))):
        runs.append((tag, lambda x, kw=kw: F.max_pooling_2d(x, (3, 2), **kw),
                     [shape]))
    used = sweep(chainer, np, out, runs, 11)
    check(chainer, np, out, 'ties', lambda x: F.max_pooling_2d(x, 2),
          [_ties(np)], 12, dtypes=used['k2'])
    check(chainer, np, out, 'ties_stride1',
          lambda x: F.max_pooling_2d(x, 2, stride=1), [_ties(np)], 13,
          dtypes=used['stride1'])
    check(chainer, np, out, 'k2', lambda x: F.max_pooling_2d(x, 2),
          [(1, 1, 4, 4)], 11, dtypes=(), double=F64)
    for dt in ('float16', 'float32', 'float64'):
        x = np.random.RandomState(18).uniform(-1, 1, (1, 2, 4, 4))
        y, idx = F.max_pooling_2d(x.astype(dt), 2, return_indices=True)
        out['indices_{}_y'.format(dt)] = arr(np, y)
        out['indices_{}_idx'.format(dt)] = np.asarray(idx)
    out['err_ndim'] = err(F.max_pooling_2d, np.zeros((4, 4), np.float32),
                          2)
    return out


def case_max_pooling_1d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k2', lambda x: F.max_pooling_1d(x, 2), [(2, 2, 5)]),
        ('pad_no_cover_all',
         lambda x: F.max_pooling_1d(x, 3, stride=2, pad=1, cover_all=False),
         [(1, 2, 6)])], 19)
    x = np.random.RandomState(21).uniform(-1, 1, (1, 1, 5))
    y, idx = F.max_pooling_1d(x.astype(np.float32), 2, return_indices=True)
    out['indices_y'] = arr(np, y)
    out['indices_idx'] = np.asarray(idx)
    return out


def case_max_pooling_3d(chainer, F, np):
    return check(chainer, np, {}, 'k2', lambda x: F.max_pooling_3d(x, 2),
                 [(1, 2, 3, 2, 3)], 22)


def case_max_pooling_nd(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('two_d', lambda x: F.max_pooling_nd(x, 2), [(1, 1, 4, 4)]),
        ('three_d_pad',
         lambda x: F.max_pooling_nd(x, (2, 2, 1), pad=(1, 0, 0)),
         [(1, 1, 3, 2, 2)])], 23)
    check(chainer, np, out, 'ties', lambda x: F.max_pooling_nd(x, 2),
          [_ties(np)], 24, dtypes=used['two_d'])
    return out


def case_roi_pooling_2d(chainer, F, np):
    rois = np.array([[0, 1, 1, 6, 6], [1, 2, 0, 7, 5], [0, 0, 0, 3, 2]],
                    np.float32)

    def f(x):
        return F.roi_pooling_2d(x, rois.astype(x.dtype), 2, 2, 0.6)
    half = np.array([1, 0.5, 0.5, 0.5, 0.5], np.float32)
    out = {}
    sweep(chainer, np, out, [
        ('base', f, [(2, 2, 4, 5)]),
        ('scale1',
         lambda x: F.roi_pooling_2d(x, (rois * half).astype(x.dtype), 3, 1,
                                    1.0), [(2, 1, 4, 5)]),
        ('out_1x2',
         lambda x: F.roi_pooling_2d(x, rois[:2].astype(x.dtype), 1, 2, 0.5),
         [(2, 1, 4, 5)])], 26)
    out['err_rois'] = err(F.roi_pooling_2d, np.zeros((2, 2, 4, 5),
                                                     np.float32),
                          np.zeros((3, 4), np.float32), 2, 2, 0.5)
    return out


def case_spatial_pyramid_pooling_2d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('h2', lambda x: F.spatial_pyramid_pooling_2d(x, 2, pooling='max'),
         [(2, 2, 4, 4)]),
        ('h3_odd',
         lambda x: F.spatial_pyramid_pooling_2d(x, 3, pooling='max'),
         [(1, 1, 5, 6)])], 29)
    x = np.zeros((1, 1, 4, 4), np.float32)
    out['err_pooling'] = err(F.spatial_pyramid_pooling_2d, x, 2,
                             pooling='average')
    out['err_no_pooling'] = err(F.spatial_pyramid_pooling_2d, x, 2)
    return out


def case_unpooling_2d(chainer, F, np):
    out = {}
    runs = [('k2', lambda x: F.unpooling_2d(x, 2), [(2, 2, 2, 3)])]
    for tag, kw, shape in (
            ('stride_pad', {'ksize': 3, 'stride': 2, 'pad': 1},
             (1, 1, 3, 2)),
            ('outsize', {'ksize': 2, 'outsize': (5, 3)}, (1, 1, 3, 2)),
            ('no_cover_all', {'ksize': 3, 'stride': 2, 'cover_all': False},
             (1, 1, 2, 2))):
        runs.append((tag, lambda x, kw=kw: F.unpooling_2d(x, **kw),
                     [shape]))
    sweep(chainer, np, out, runs, 31)
    out['err_ndim'] = err(F.unpooling_2d, np.zeros((2, 2, 2), np.float32),
                          2)
    return out


def case_unpooling_1d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k2', lambda x: F.unpooling_1d(x, 2), [(2, 2, 3)]),
        ('outsize', lambda x: F.unpooling_1d(x, 3, stride=2, outsize=(6,)),
         [(1, 1, 3)])], 35)
    return out


def case_unpooling_3d(chainer, F, np):
    return check(chainer, np, {}, 'k2', lambda x: F.unpooling_3d(x, 2),
                 [(1, 1, 2, 1, 2)], 37)


def case_unpooling_nd(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', lambda x: F.unpooling_nd(x, (2, 1)), [(1, 2, 2, 3)]),
        ('pad_no_cover_all',
         lambda x: F.unpooling_nd(x, 3, stride=2, pad=1, cover_all=False),
         [(1, 1, 3)])], 38)
    return out


def case_upsampling_2d(chainer, F, np):
    out = {}
    # indices of max_pooling_2d (float64, so that there are no ties)
    x = np.random.RandomState(40).uniform(-1, 1, (1, 2, 4, 5))
    _, idx = F.max_pooling_2d(x, 2, return_indices=True)
    idx = np.asarray(idx)
    x = np.random.RandomState(42).uniform(-1, 1, (1, 1, 5, 5))
    _, idx2 = F.max_pooling_2d(x, 3, stride=2, pad=1, return_indices=True)
    idx2 = np.asarray(idx2)
    sweep(chainer, np, out, [
        ('k2', lambda y: F.upsampling_2d(y, idx, 2, outsize=(4, 5)),
         [(1, 2, 2, 3)]),
        ('stride_pad',
         lambda y: F.upsampling_2d(y, idx2, 3, stride=2, pad=1,
                                   outsize=(5, 5)), [(1, 1, 3, 3)]),
        ('default_outsize',
         lambda y: F.upsampling_2d(y, idx2, 3, stride=2, pad=1),
         [(1, 1, 3, 3)])], 41)
    out['err_idx_shape'] = err(F.upsampling_2d,
                               np.zeros((1, 1, 3, 3), np.float32),
                               np.zeros((1, 1, 2, 2), np.int32), 2)
    return out


def _rois(np):
    # (y_min, x_min, y_max, x_max) boxes and their batch indices
    rois = np.array([[1.0, 1.0, 4.5, 3.5], [0.0, 0.5, 3.0, 4.0],
                     [0.5, 0.0, 2.5, 2.0]])
    return rois, np.array([0, 1, 0], np.int32)


def _roi_case(chainer, F, np, name, align, seed):
    f = getattr(F, name)
    rois, idx = _rois(np)
    out = {}
    runs = [('base',
             lambda x: f(x, rois.astype(x.dtype), idx, 2, 0.8),
             [(2, 2, 4, 5)]),
            ('outsize_tuple',
             lambda x: f(x, rois.astype(x.dtype), idx, (1, 3), 1.0),
             [(2, 1, 4, 5)])]
    if align:
        runs.append(('sampling_ratio',
                     lambda x: f(x, rois.astype(x.dtype), idx, 2, 0.8,
                                 sampling_ratio=(1, 2)),
                     [(2, 1, 4, 5)]))
    # Chainer's roi_*_2d functions support float32 only.
    sweep(chainer, np, out, runs, seed, dtypes=('float32',))
    x = np.zeros((2, 1, 4, 5), np.float32)
    for dt in ('float16', 'float64'):
        out['err_' + dt] = err(f, x.astype(dt), rois.astype(dt), idx, 2,
                               1.0)
    out['err_rois_shape'] = err(f, x, np.zeros((3, 5), np.float32), idx, 2,
                                1.0)
    out['err_indices_dtype'] = err(f, x, rois.astype(np.float32),
                                   idx.astype(np.float32), 2, 1.0)
    return out


def case_roi_average_align_2d(chainer, F, np):
    return _roi_case(chainer, F, np, 'roi_average_align_2d', True, 45)


def case_roi_average_pooling_2d(chainer, F, np):
    return _roi_case(chainer, F, np, 'roi_average_pooling_2d', False, 46)


def case_roi_max_align_2d(chainer, F, np):
    return _roi_case(chainer, F, np, 'roi_max_align_2d', True, 47)


def case_roi_max_pooling_2d(chainer, F, np):
    return _roi_case(chainer, F, np, 'roi_max_pooling_2d', False, 48)
