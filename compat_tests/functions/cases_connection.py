"""``chainer.functions.connection``: values, dtypes, gradients, double
backward and errors against Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set
(stride, pad, cover_all, dilate, groups, outsize, ...) runs in one dtype in
turn (``sweep``). Shapes are tiny.
"""
from compat_tests.functions._common import OPT, check, err, sweep, values

F64 = ('float64',)


def case_bilinear(chainer, F, np):
    # Chainer's bilinear supports float32 only.
    out = check(chainer, np, {}, 'full', F.bilinear,
                [(2, 3), (2, 2), (3, 2, 4), (3, 4), (2, 4), (4,)], 1,
                dtypes=OPT, double=OPT)
    check(chainer, np, out, 'w_only_nd', F.bilinear,
          [(2, 1, 3), (2, 2), (3, 2, 4)], 3, dtypes=OPT)
    e1 = np.zeros((2, 3), np.float32)
    e2 = np.zeros((2, 2), np.float32)
    W = np.zeros((3, 2, 4), np.float32)
    out['err_w_shape'] = err(F.bilinear, e1, e2, np.zeros((3, 3, 4),
                                                          np.float32))
    out['err_batch'] = err(F.bilinear, e1, np.zeros((3, 2), np.float32), W)
    out['err_partial_v'] = err(F.bilinear, e1, e2, W,
                               np.zeros((3, 4), np.float32))
    for dt in ('float16', 'float64'):
        out['err_' + dt] = err(F.bilinear, e1.astype(dt), e2.astype(dt),
                               W.astype(dt))
    return out


def _conv2d(F, **kw):
    return lambda x, W, b=None: F.convolution_2d(x, W, b, **kw)


def case_convolution_2d(chainer, F, np):
    out = {}
    runs = [('base', _conv2d(F), [(2, 2, 3, 3), (3, 2, 2, 2), (3,)])]
    for tag, kw, xs, ws in (
            ('stride_pad', {'stride': 2, 'pad': 1}, (1, 2, 4, 5),
             (2, 2, 3, 2)),
            ('tuple_args', {'stride': (1, 2), 'pad': (0, 1)},
             (1, 2, 3, 4), (2, 2, 2, 2)),
            ('cover_all', {'stride': 2, 'cover_all': True}, (1, 1, 5, 4),
             (2, 1, 2, 2)),
            ('dilate', {'dilate': 2}, (1, 2, 5, 5), (2, 2, 2, 2)),
            ('groups', {'groups': 2}, (1, 4, 3, 3), (4, 2, 2, 2))):
        runs.append((tag, _conv2d(F, **kw), [xs, ws, (ws[0],)]))
    runs.append(('nobias', _conv2d(F), [(2, 2, 3, 3), (3, 2, 2, 2)]))
    sweep(chainer, np, out, runs, 4)
    check(chainer, np, out, 'base', _conv2d(F),
          [(2, 2, 3, 3), (3, 2, 2, 2), (3,)], 4, dtypes=(), double=F64)
    x = np.zeros((1, 2, 3, 3), np.float32)
    W = np.zeros((3, 2, 2, 2), np.float32)
    out['err_channels'] = err(F.convolution_2d, x,
                              np.zeros((3, 4, 2, 2), np.float32))
    out['err_dtype'] = err(F.convolution_2d, x, W.astype(np.float64))
    out['err_ndim'] = err(F.convolution_2d, x[0], W)
    out['err_groups'] = err(F.convolution_2d, x, W, groups=2)
    out['err_deterministic'] = err(F.convolution_2d, x, W,
                                   deterministic=True)
    out['err_kwarg'] = err(F.convolution_2d, x, W, foo=1)
    return out


def _convnd(f, **kw):
    return lambda x, W, b=None: f(x, W, b, **kw)


def case_convolution_1d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', _convnd(F.convolution_1d), [(2, 2, 4), (3, 2, 2), (3,)]),
        ('options',
         _convnd(F.convolution_1d, stride=2, pad=1, dilate=2, groups=2),
         [(1, 2, 6), (2, 1, 2), (2,)])], 21)
    out['err_ndim'] = err(F.convolution_1d, np.zeros((1, 2, 3, 3),
                                                     np.float32),
                          np.zeros((3, 2, 2), np.float32))
    return out


def case_convolution_3d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', _convnd(F.convolution_3d),
         [(1, 2, 3, 2, 3), (2, 2, 2, 1, 2), (2,)]),
        ('cover_all', _convnd(F.convolution_3d, stride=2, cover_all=True),
         [(1, 1, 3, 3, 2), (1, 1, 2, 2, 1)])], 23)
    return out


def case_convolution_nd(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', _convnd(F.convolution_nd),
         [(1, 2, 3, 3), (2, 2, 2, 2), (2,)]),
        ('one_d_pad_cover_all',
         _convnd(F.convolution_nd, stride=2, pad=1, cover_all=True),
         [(2, 1, 4), (2, 1, 3)])], 25)
    out['err_channels'] = err(F.convolution_nd, np.zeros((1, 2, 3),
                                                         np.float32),
                              np.zeros((2, 3, 2), np.float32))
    return out


def _deconv2d(F, **kw):
    return lambda x, W, b=None: F.deconvolution_2d(x, W, b, **kw)


def case_deconvolution_2d(chainer, F, np):
    out = {}
    runs = [('base', _deconv2d(F), [(2, 3, 2, 2), (3, 2, 2, 2), (2,)])]
    for tag, kw, xs, ws in (
            ('stride_pad', {'stride': 2, 'pad': 1}, (1, 2, 3, 2),
             (2, 2, 3, 3)),
            ('outsize', {'stride': 2, 'outsize': (7, 6)}, (1, 2, 3, 2),
             (2, 1, 2, 3)),
            ('dilate', {'dilate': 2}, (1, 2, 2, 2), (2, 1, 2, 2)),
            ('groups', {'groups': 2}, (1, 4, 2, 2), (4, 1, 2, 2))):
        runs.append((tag, _deconv2d(F, **kw),
                     [xs, ws, ((ws[1] * kw.get('groups', 1)),)]))
    runs.append(('nobias', _deconv2d(F), [(2, 3, 2, 2), (3, 2, 2, 2)]))
    sweep(chainer, np, out, runs, 27)
    check(chainer, np, out, 'base', _deconv2d(F),
          [(2, 3, 2, 2), (3, 2, 2, 2), (2,)], 27, dtypes=(), double=F64)
    x = np.zeros((1, 2, 3, 2), np.float32)
    W = np.zeros((2, 2, 3, 3), np.float32)
    out['err_outsize'] = err(F.deconvolution_2d, x, W, stride=2,
                             outsize=(9, 9))
    out['err_channels'] = err(F.deconvolution_2d, x,
                              np.zeros((3, 2, 3, 3), np.float32))
    out['err_deterministic'] = err(F.deconvolution_2d, x, W,
                                   deterministic=True)
    return out


def case_deconvolution_1d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', _convnd(F.deconvolution_1d), [(2, 3, 3), (3, 2, 2), (2,)]),
        ('options',
         _convnd(F.deconvolution_1d, stride=2, pad=1, outsize=(6,),
                 groups=2),
         [(1, 2, 3), (2, 1, 3), (2,)])], 41)
    return out


def case_deconvolution_3d(chainer, F, np):
    return check(chainer, np, {}, 'base', _convnd(F.deconvolution_3d),
                 [(1, 2, 2, 1, 2), (2, 1, 2, 2, 1), (1,)], 43)


def case_deconvolution_nd(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', _convnd(F.deconvolution_nd),
         [(1, 2, 2, 2), (2, 2, 2, 2), (2,)]),
        ('dilate_stride', _convnd(F.deconvolution_nd, stride=2, dilate=2),
         [(1, 2, 3), (2, 1, 2)])], 44)
    out['err_outsize'] = err(F.deconvolution_nd,
                             np.zeros((1, 2, 3), np.float32),
                             np.zeros((2, 1, 2), np.float32), stride=2,
                             outsize=(10,))
    return out


def _offset(np, shape, seed):
    return np.random.RandomState(seed).uniform(-1.3, 1.3, shape)


def case_deformable_convolution_2d_sampler(chainer, F, np):
    # x (1, 2, 4, 4), W (2, 2, 2, 2): output 3x3, offsets (1, 8, 3, 3).
    # It is a composition of other functions (as in Chainer), each compiled
    # on its own: float16 runs forward only.
    out = {}
    used = sweep(chainer, np, out, [
        ('base', F.deformable_convolution_2d_sampler,
         [(1, 2, 4, 4), _offset(np, (1, 8, 3, 3), 46), (2, 2, 2, 2),
          (2,)]),
        ('stride_pad',
         lambda x, o, W: F.deformable_convolution_2d_sampler(
             x, o, W, stride=2, pad=1),
         [(1, 1, 4, 4), _offset(np, (1, 8, 3, 3), 48), (1, 1, 2, 2)])], 47,
        dtypes=('float32', 'float64'))
    values(chainer, np, out, 'base', F.deformable_convolution_2d_sampler,
           [(1, 2, 4, 4), _offset(np, (1, 8, 3, 3), 46), (2, 2, 2, 2),
            (2,)], 47, dtypes=('float16',))
    check(chainer, np, out, 'zero_offset',
          F.deformable_convolution_2d_sampler,
          [(1, 2, 4, 4), np.zeros((1, 8, 3, 3)), (2, 2, 2, 2), (2,)], 50,
          dtypes=used['base'])
    return out


def case_depthwise_convolution_2d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', F.depthwise_convolution_2d,
         [(2, 2, 3, 3), (2, 2, 2, 2), (4,)]),
        ('stride_pad',
         lambda x, W: F.depthwise_convolution_2d(x, W, stride=2, pad=1),
         [(1, 3, 3, 4), (1, 3, 2, 2)])], 51)
    out['err_channels'] = err(F.depthwise_convolution_2d,
                              np.zeros((1, 2, 3, 3), np.float32),
                              np.zeros((1, 3, 2, 2), np.float32))
    return out


def case_dilated_convolution_2d(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base',
         lambda x, W, b: F.dilated_convolution_2d(x, W, b, dilate=2),
         [(1, 2, 5, 5), (2, 2, 2, 2), (2,)]),
        ('options',
         lambda x, W: F.dilated_convolution_2d(
             x, W, stride=2, pad=1, dilate=(2, 1), cover_all=True),
         [(1, 1, 5, 4), (2, 1, 2, 2)])], 53)
    return out


def case_embed_id(chainer, F, np):
    x = np.array([[0, 2, 1], [2, 2, 0]], np.int32)
    xi = np.array([0, -1, 2, -1], np.int32)
    out = {}
    sweep(chainer, np, out, [
        ('base', F.embed_id, [x, (3, 4)]),
        ('ignore', lambda x, W: F.embed_id(x, W, ignore_label=-1),
         [xi, (3, 2)]),
        ('int64', F.embed_id, [np.array([1, 0], np.int64), (3, 2)])], 55)
    check(chainer, np, out, 'base', F.embed_id, [x, (3, 4)], 55, dtypes=(),
          double=F64)
    W = np.zeros((3, 2), np.float32)
    out['err_float_x'] = err(F.embed_id, np.zeros((2,), np.float32), W)
    out['err_w_ndim'] = err(F.embed_id, xi, np.zeros((3,), np.float32))
    return out


def case_linear(chainer, F, np):
    # (values and options of linear: cases/functions_basic)
    out = check(chainer, np, {}, 'base', F.linear, [(2, 3), (4, 3), (4,)],
                58, dtypes=(), double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_shape'] = err(F.linear, x, np.zeros((4, 2), np.float32))
    out['err_b_shape'] = err(F.linear, x, np.zeros((4, 3), np.float32),
                             np.zeros((3,), np.float32))
    out['err_dtype'] = err(F.linear, x, np.zeros((4, 3), np.float64))
    out['err_batch_axes'] = err(F.linear, x, np.zeros((4, 3), np.float32),
                                n_batch_axes=0)
    return out


def case_local_convolution_2d(chainer, F, np):
    # x (2, 2, 3, 3), W (out_c, out_h, out_w, c, kh, kw) with stride 1.
    out = {}
    sweep(chainer, np, out, [
        ('base', F.local_convolution_2d,
         [(2, 2, 3, 3), (3, 2, 2, 2, 2, 2), (3, 2, 2)]),
        ('stride', lambda x, W: F.local_convolution_2d(x, W, stride=2),
         [(1, 1, 4, 5), (2, 2, 2, 1, 2, 2)])], 59)
    out['err_w_shape'] = err(F.local_convolution_2d,
                             np.zeros((1, 2, 3, 3), np.float32),
                             np.zeros((3, 3, 1, 2, 2, 2), np.float32))
    return out


def case_shift(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k3', F.shift, [(1, 9, 3, 3)]),
        ('k3_dilate2', lambda x: F.shift(x, ksize=3, dilate=2),
         [(1, 10, 4, 4)]),
        ('k1', lambda x: F.shift(x, ksize=1), [(2, 3, 3, 2)])], 61)
    out['err_channels'] = err(F.shift, np.zeros((1, 2, 3, 3), np.float32))
    out['err_channels_k5'] = err(F.shift, np.zeros((1, 9, 3, 3),
                                                   np.float32), 5)
    out['err_even'] = err(F.shift, np.zeros((1, 9, 3, 3), np.float32), 2)
    return out
