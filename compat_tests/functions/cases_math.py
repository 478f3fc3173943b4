"""``chainer.functions.math``: values, dtypes, gradients, double backward
and errors against Chainer 7.8.1 (its special functions run on SciPy).

Every function runs in float16, float32 and float64; each option set runs
in one dtype in turn (``sweep``), and inputs at special points (domain
bounds, zeros, ties) use the shapes, options and dtypes of a random run so
that they reuse its compiled kernels.
``sum``, ``average``, ``exp``, ``log``, ``matmul``, ``identity`` and the
arithmetic operators are also covered in ``cases/functions_basic``.
"""
from compat_tests.functions._common import DTYPES, OPT, check, err, sweep, \
    values

F64 = ('float64',)
SHAPE = (2, 3)


def _a(np, *v):
    return np.array(v, np.float64).reshape(SHAPE)


def _unary(name, low, high, special=None, double=False, dtypes=DTYPES):
    """A case for the elementwise function ``F.<name>``: a random input in
    ``[low, high)`` and, if given, the 6 ``special`` values."""
    def case(chainer, F, np):
        f = getattr(F, name)
        out = check(chainer, np, {}, 'rand', f, [SHAPE], 1, dtypes=dtypes,
                    low=low, high=high, double=F64 if double else ())
        if special is not None:
            check(chainer, np, out, 'special', f, [_a(np, *special)], 2,
                  dtypes=dtypes)
        out['err_int'] = err(f, np.arange(6, dtype=np.int32).reshape(SHAPE))
        return out
    case.__name__ = 'case_' + name
    return case


INF = float('inf')

case_arccos = _unary('arccos', -0.9, 0.9, (-1, 1, 0, 0.5, -0.5, 0.99),
                     double=True)
case_arcsin = _unary('arcsin', -0.9, 0.9, (-1, 1, 0, 0.5, -0.5, 0.99))
case_arctan = _unary('arctan', -3, 3, (-1e3, 0, 1, -1, 10, 1e3))
case_arctanh = _unary('arctanh', -0.9, 0.9, (-1, 1, 0, 0.5, -0.5, 0.99))
case_cos = _unary('cos', -3, 3, (0, 3.14159, -1.5708, 1.5708, 6, -6),
                  double=True)
case_sin = _unary('sin', -3, 3, (0, 3.14159, -1.5708, 1.5708, 6, -6),
                  double=True)
case_tan = _unary('tan', -1.4, 1.4, (0, 0.7854, -0.7854, 1.5, -1.5, 3))
case_cosh = _unary('cosh', -2, 2, (0, 1, -1, 5, -5, 0.5))
case_sinh = _unary('sinh', -2, 2, (0, 1, -1, 5, -5, 0.5))
case_exp = _unary('exp', -3, 3, (-1000, 0, 1000, -20, 20, 1), double=True)
case_log = _unary('log', 0.1, 3, (0, 1, 1e-3, 100, 0.5, 2.718281828),
                  double=True)
case_log2 = _unary('log2', 0.1, 3, (0, 1, 2, 8, 0.5, 0.25))
case_log10 = _unary('log10', 0.1, 3, (0, 1, 10, 100, 0.5, 1e-3))
case_expm1 = _unary('expm1', -2, 2, (-1e-4, 0, 1e-4, 10, -10, 1))
case_log1p = _unary('log1p', -0.5, 2, (-1, 0, 1e-4, -1e-4, 10, 1))
case_sqrt = _unary('sqrt', 0.1, 3, (0, 1, 4, 0.25, 1e-4, 9), double=True)
case_rsqrt = _unary('rsqrt', 0.1, 3, (0, 1, 4, 0.25, 1e-2, 9))
case_square = _unary('square', -2, 2, (0, 1, -1, 3, -0.5, 10),
                     double=True)
case_erf = _unary('erf', -2, 2, (0, 1, -1, 5, -5, 0.5), double=True)
case_erfc = _unary('erfc', -2, 2, (0, 1, -1, 5, -5, 0.5))
case_erfcinv = _unary('erfcinv', 0.1, 1.9, (0, 2, 1, 0.5, 1.5, 1e-3))
case_erfcx = _unary('erfcx', -1, 3, (0, 1, -1, 10, -2, 0.5))
case_erfinv = _unary('erfinv', -0.9, 0.9, (-1, 1, 0, 0.5, -0.5, 0.999))
case_digamma = _unary('digamma', 0.5, 4, (1, 2, 0.5, 10, 0.1, 3))
case_lgamma = _unary('lgamma', 0.5, 4, (1, 2, 0.5, 10, 0.1, 3),
                     double=True)
case_log_ndtr = _unary('log_ndtr', -5, 3, (0, -10, 10, -1, 1, -30))
case_ndtr = _unary('ndtr', -3, 3, (0, -10, 10, -1, 1, 0.5))
case_ndtri = _unary('ndtri', 0.05, 0.95, (0, 1, 0.5, 0.01, 0.99, 0.25))
case_ceil = _unary('ceil', -3, 3, (-1, 0, 1, -1.5, 1.5, 2.5))
case_floor = _unary('floor', -3, 3, (-1, 0, 1, -1.5, 1.5, 2.5))
case_fix = _unary('fix', -3, 3, (-1, 0, 1, -1.5, 1.5, 2.5))
case_sign = _unary('sign', -3, 3, (-1, 0, -0.0, 2, -3, 0.5))


def case_absolute(chainer, F, np):
    out = check(chainer, np, {}, 'rand', F.absolute, [SHAPE], 3)
    check(chainer, np, out, 'special', F.absolute,
          [_a(np, 0, -0.0, 1, -1, 2, -3)], 4)
    return out


def case_arctan2(chainer, F, np):
    out = check(chainer, np, {}, 'rand', F.arctan2, [SHAPE, SHAPE], 5,
                double=F64)
    check(chainer, np, out, 'special', F.arctan2,
          [_a(np, 0, 1, -1, 0, 1, 0), _a(np, 1, 0, 0, -1, 1, 0)], 6)
    out['err_dtype'] = err(F.arctan2, np.zeros(3, np.float32),
                           np.zeros(3, np.float64))
    return out


def case_average(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axes_keepdims',
         lambda x: F.average(x, axis=(0, 2), keepdims=True), [(2, 3, 2)]),
        ('weights_keepdims',
         lambda x, w: F.average(x, axis=-1, weights=w, keepdims=True),
         [(2, 3), (3,)]),
        ('weights_all', lambda x, w: F.average(x, weights=w), [(4,), (4,)]),
        ('weights_all_2d', lambda x, w: F.average(x, weights=w),
         [(2, 3), (2, 3)])], 6, low=0.1, high=1)
    x = np.zeros((2, 3), np.float32)
    out['err_weights_shape'] = err(F.average, x, axis=1,
                                   weights=np.ones((2,), np.float32))
    out['err_axis_tuple_weights'] = err(F.average, x, axis=(0, 1),
                                        weights=np.ones((3,), np.float32))
    out['err_dup_axis_weights'] = err(F.average, x, axis=(1, -1),
                                      weights=np.ones((3,), np.float32))
    return out


def case_add(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two', F.add, [SHAPE, SHAPE]),
        ('four', F.add, [SHAPE] * 4)], 10)
    x = np.zeros(SHAPE, np.float32)
    out['err_shape'] = err(F.add, x, np.zeros((3,), np.float32), x)
    out['err_dtype'] = err(F.add, x, x.astype(np.float64), x)
    return out


def case_batch_l2_norm_squared(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', F.batch_l2_norm_squared, [(3, 2)]),
        ('four_d', F.batch_l2_norm_squared, [(2, 2, 1, 3)])], 12)
    check(chainer, np, out, 'two_d', F.batch_l2_norm_squared, [(3, 2)], 12,
          dtypes=(), double=F64)
    out['err_ndim'] = err(F.batch_l2_norm_squared, np.zeros(3, np.float32))
    return out


def case_bias(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis1', F.bias, [(2, 3, 2), (3,)]),
        ('axis1_2d', lambda x, y: F.bias(x, y, axis=1), [(2, 3, 2), (3, 2)]),
        ('axis0', lambda x, y: F.bias(x, y, axis=0), [(2, 3), (2,)])], 14)
    out['err_shape'] = err(F.bias, np.zeros((2, 3), np.float32),
                           np.zeros((2,), np.float32))
    return out


def case_scale(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis1', F.scale, [(2, 3, 2), (3,)]),
        ('axis1_2d', lambda x, y: F.scale(x, y, axis=1),
         [(2, 3, 2), (3, 2)]),
        ('axis2', lambda x, y: F.scale(x, y, axis=2), [(2, 3, 2), (2,)])],
        17)
    check(chainer, np, out, 'axis1', F.scale, [(2, 3, 2), (3,)], 17,
          dtypes=(), double=F64)
    out['err_shape'] = err(F.scale, np.zeros((2, 3), np.float32),
                           np.zeros((2,), np.float32))
    return out


def _spd(np, n, seed, batch=None):
    def make(dtype):
        rs = np.random.RandomState(seed)
        shape = (n, n) if batch is None else (batch, n, n)
        a = rs.uniform(-1, 1, shape)
        a = np.matmul(a, np.swapaxes(a, -1, -2)) + n * np.eye(n)
        return a.astype(dtype)
    return make


def _well_conditioned(np, n, seed, batch=None):
    def make(dtype):
        rs = np.random.RandomState(seed)
        shape = (n, n) if batch is None else (batch, n, n)
        return (np.eye(n) * 2 + rs.uniform(-0.5, 0.5, shape)).astype(dtype)
    return make


def case_cholesky(chainer, F, np):
    # Chainer's cholesky is numpy.linalg's: no float16.
    out = check(chainer, np, {}, 'base', F.cholesky, [_spd(np, 3, 20)], 21,
                dtypes=('float32', 'float64'))
    out['err_float16'] = err(F.cholesky, _spd(np, 3, 20)('float16'))
    out['err_not_square'] = err(F.cholesky, np.ones((2, 3), np.float32))
    return out


def case_det(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.det, [_well_conditioned(np, 3, 22)],
                23)
    out['err_not_square'] = err(F.det, np.ones((2, 3), np.float32))
    out['err_ndim'] = err(F.det, np.ones((2, 2, 2), np.float32))
    return out


def case_batch_det(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.batch_det,
                [_well_conditioned(np, 2, 24, batch=3)], 25)
    out['err_ndim'] = err(F.batch_det, np.ones((2, 2), np.float32))
    return out


def case_inv(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.inv,
                [_well_conditioned(np, 3, 26)], 27, double=F64)
    out['err_not_square'] = err(F.inv, np.ones((2, 3), np.float32))
    out['err_singular'] = err(F.inv, np.ones((2, 2), np.float32))
    return out


def case_batch_inv(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.batch_inv,
                [_well_conditioned(np, 2, 28, batch=3)], 29)
    out['err_ndim'] = err(F.batch_inv, np.ones((2, 2), np.float32))
    return out


def case_clip(chainer, F, np):
    out = {}
    bounds = _a(np, -0.5, 0.5, -1, 1, 0, 0.25)
    used = sweep(chainer, np, out, [
        ('both', lambda x: F.clip(x, -0.5, 0.5), [SHAPE]),
        ('min_only', lambda x: F.clip(x, 0.0, None), [SHAPE]),
        ('max_only', lambda x: F.clip(x, None, 0.0), [SHAPE])], 30)
    for tag, f in (('both', lambda x: F.clip(x, -0.5, 0.5)),
                   ('min_only', lambda x: F.clip(x, 0.0, None)),
                   ('max_only', lambda x: F.clip(x, None, 0.0))):
        check(chainer, np, out, tag + '_bounds', f, [bounds], 31,
              dtypes=used[tag])
        check(chainer, np, out, tag + '_nonfinite', f,
              [_nonfinite(np)[0]], 32, dtypes=used[tag])
    x = np.zeros(SHAPE, np.float32)
    out['err_none'] = err(F.clip, x, None, None)
    out['err_order'] = err(F.clip, x, 1.0, -1.0)
    out['err_int'] = err(F.clip, np.zeros(3, np.int32), 0, 1)
    return out


def case_cumprod(chainer, F, np):
    out = {}
    zeros = np.array([[1.5, 0.0, 2.0], [0.0, 0.0, 3.0]])
    used = sweep(chainer, np, out, [
        ('none', F.cumprod, [(2, 3)]),
        ('axis1', lambda x: F.cumprod(x, axis=1), [(2, 3)])], 34)
    check(chainer, np, out, 'axis1_zeros', lambda x: F.cumprod(x, axis=1),
          [zeros], 36, dtypes=used['axis1'])
    check(chainer, np, out, 'none', F.cumprod, [(2, 3)], 34, dtypes=(),
          double=F64)
    out['err_axis'] = err(F.cumprod, np.zeros((2, 3), np.float32), 2)
    return out


def case_cumsum(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('none', F.cumsum, [(2, 3)]),
        ('axis0', lambda x: F.cumsum(x, axis=0), [(2, 3)]),
        ('neg', lambda x: F.cumsum(x, axis=-1), [(2, 2, 3)])], 37)
    out['err_axis'] = err(F.cumsum, np.zeros((2, 3), np.float32), 2)
    return out


def case_einsum(chainer, F, np):
    out = {}
    runs = []
    for tag, sub, shapes in (
            ('matmul', 'ij,jk->ik', [(2, 3), (3, 2)]),
            ('batch', 'bij,bjk->bik', [(2, 2, 3), (2, 3, 2)]),
            ('diag', 'ii->i', [(3, 3)]),
            ('trace', 'ii', [(3, 3)]),
            ('outer', 'i,j->ij', [(2,), (3,)]),
            ('ellipsis', '...ij,...jk', [(2, 2, 3), (2, 3, 1)]),
            ('sum_implicit', 'ij,ij', [(2, 3), (2, 3)]),
            ('three', 'ij,jk,kl->il', [(2, 3), (3, 2), (2, 2)])):
        runs.append((tag, lambda *xs, sub=sub: F.einsum(sub, *xs), shapes))
    sweep(chainer, np, out, runs, 40)
    check(chainer, np, out, 'matmul',
          lambda a, b: F.einsum('ij,jk->ik', a, b), [(2, 3), (3, 2)], 40,
          dtypes=(), double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_operands'] = err(F.einsum, 'ij,jk->ik', x)
    out['err_shape'] = err(F.einsum, 'ij,jk->ik', x, x)
    return out


def case_fft(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', lambda r, i: F.fft((r, i)), [(2, 4), (2, 4)]),
        ('three_d', lambda r, i: F.fft((r, i)), [(2, 1, 3), (2, 1, 3)])], 50)
    x = np.zeros((2, 4), np.float32)
    out['err_dtype'] = err(F.fft, (x, x.astype(np.float64)))
    out['err_shape'] = err(F.fft, (x, np.zeros((2, 3), np.float32)))
    return out


def case_ifft(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', lambda r, i: F.ifft((r, i)), [(2, 4), (2, 4)]),
        ('roundtrip', lambda r, i: F.ifft(F.fft((r, i))), [(3,), (3,)])],
        52)
    return out


def case_fmod(chainer, F, np):
    d = _a(np, 0.7, -0.7, 1.3, 2.0, -1.1, 0.9)
    out = check(chainer, np, {}, 'base', F.fmod, [(2, 3), d], 54, low=-3,
                high=3)
    check(chainer, np, out, 'exact', F.fmod,
          [_a(np, 1.4, -2.0, 2.6, 4.0, 0.0, -1.8), d], 55)
    out['err_shape'] = err(F.fmod, np.zeros((2, 3), np.float32),
                           np.ones((3,), np.float32))
    return out


def case_identity(chainer, F, np):
    # (values in three dtypes: cases/functions_basic)
    ys = F.identity(np.zeros(2, np.float32), np.ones(3, np.float64))
    out = {'two_type': type(ys).__name__,
           'two_dtypes': [str(y.dtype) for y in ys]}
    return out


def case_linear_interpolate(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.linear_interpolate,
                [SHAPE, SHAPE, SHAPE], 57, double=F64)
    x = np.zeros(SHAPE, np.float32)
    out['err_shape'] = err(F.linear_interpolate, x, x,
                           np.zeros((3,), np.float32))
    out['err_dtype'] = err(F.linear_interpolate, x, x, x.astype(np.float64))
    return out


def case_logsumexp(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('all', F.logsumexp, [SHAPE]),
        ('axis1', lambda x: F.logsumexp(x, axis=1), [(2, 3)]),
        ('axes', lambda x: F.logsumexp(x, axis=(0, -1)), [(2, 3, 2)])], 58)
    check(chainer, np, out, 'large', F.logsumexp,
          [_a(np, 1000, 1000, -1000, 0, 500, 999)], 61, dtypes=used['all'])
    check(chainer, np, out, 'all', F.logsumexp, [SHAPE], 58, dtypes=(),
          double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_axis'] = err(F.logsumexp, x, 2)
    out['err_dup_axis'] = err(F.logsumexp, x, (0, 0))
    out['err_axis_type'] = err(F.logsumexp, x, 1.0)
    return out


def case_matmul(chainer, F, np):
    # (plain matrices and vectors: cases/functions_basic)
    out = {}
    sweep(chainer, np, out, [
        ('bcast_batch', F.matmul, [(2, 1, 2, 3), (3, 3, 2)]),
        ('trans_both',
         lambda a, b: F.matmul(a, b, transa=True, transb=True),
         [(2, 3, 2), (2, 4, 3)]),
        ('mat_vec', F.matmul, [(2, 3), (3,)])], 62)
    check(chainer, np, out, 'bcast_batch', F.matmul,
          [(2, 1, 2, 3), (3, 3, 2)], 62, dtypes=(), double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_shape'] = err(F.matmul, x, x)
    out['err_dtype'] = err(F.matmul, x, np.zeros((3, 2), np.float64))
    return out


def case_batch_matmul(chainer, F, np):
    # Chainer's batch_matmul supports float32 only.
    out = {}
    sweep(chainer, np, out, [
        ('base', F.batch_matmul, [(2, 2, 3), (2, 3, 2)]),
        ('trans', lambda a, b: F.batch_matmul(a, b, transa=True),
         [(2, 3, 2), (2, 3, 1)]),
        ('vectors', lambda a, b: F.batch_matmul(a, b, transa=True),
         [(2, 3), (2, 3)])], 65, dtypes=('float32',))
    x = np.zeros((2, 2, 3))
    for dt in ('float16', 'float64'):
        out['err_' + dt] = err(F.batch_matmul, x.astype(dt),
                               x.swapaxes(1, 2).astype(dt))
    return out


def _ties(np):
    return _a(np, 1.0, 1.0, -1.0, 0.5, 0.5, 2.0), \
        _a(np, 1.0, 0.0, -1.0, 0.5, 1.0, 2.0)


def _nonfinite(np):
    # NaN and the infinities against finite values, and in both operands
    nan, inf = float('nan'), float('inf')
    return _a(np, nan, -inf, inf, 1.0, nan, 0.0), \
        _a(np, 0.0, 0.0, 0.0, nan, nan, -inf)


def case_maximum(chainer, F, np):
    out = check(chainer, np, {}, 'rand', F.maximum, [SHAPE, SHAPE], 68,
                double=F64)
    check(chainer, np, out, 'ties', F.maximum, list(_ties(np)), 69)
    check(chainer, np, out, 'nonfinite', F.maximum, list(_nonfinite(np)), 72)
    x = np.zeros(SHAPE, np.float32)
    out['err_shape'] = err(F.maximum, x, np.zeros((3,), np.float32))
    out['err_dtype'] = err(F.maximum, x, x.astype(np.float64))
    return out


def case_minimum(chainer, F, np):
    out = check(chainer, np, {}, 'rand', F.minimum, [SHAPE, SHAPE], 70)
    check(chainer, np, out, 'ties', F.minimum, list(_ties(np)), 71)
    check(chainer, np, out, 'nonfinite', F.minimum, list(_nonfinite(np)), 73)
    x = np.zeros(SHAPE, np.float32)
    out['err_shape'] = err(F.minimum, x, np.zeros((3,), np.float32))
    return out


def _tied(np):
    return np.array([[1.0, 3.0, 3.0], [-1.0, -1.0, -2.0]])


def case_argmax(chainer, F, np):
    out = values(chainer, np, {}, 'none', F.argmax, [(2, 3)], 72,
                 dtypes=OPT)
    values(chainer, np, out, 'axis1', lambda x: F.argmax(x, axis=1),
           [(2, 3)], 73, dtypes=('float64',))
    values(chainer, np, out, 'ties0', lambda x: F.argmax(x, axis=0),
           [_tied(np)], 74, dtypes=('float16',))
    values(chainer, np, out, 'ties1', lambda x: F.argmax(x, axis=1),
           [_tied(np)], 75, dtypes=('float64',))
    out['err_axis'] = err(F.argmax, np.zeros((2, 3), np.float32), 2)
    out['err_axis_type'] = err(F.argmax, np.zeros((2, 3), np.float32), 1.0)
    return out


def case_argmin(chainer, F, np):
    out = values(chainer, np, {}, 'none', F.argmin, [(2, 3)], 76,
                 dtypes=('float16', 'float64'))
    values(chainer, np, out, 'ties1', lambda x: F.argmin(x, axis=-1),
           [_tied(np)], 77, dtypes=OPT)
    out['err_axis'] = err(F.argmin, np.zeros((2, 3), np.float32), -3)
    return out


def case_max(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('all', F.max, [(2, 3)]),
        ('axis1', lambda x: F.max(x, axis=1), [(2, 3)]),
        ('axes_keepdims', lambda x: F.max(x, axis=(0, 1), keepdims=True),
         [(2, 3)])], 78)
    check(chainer, np, out, 'ties_axis1', lambda x: F.max(x, axis=1),
          [_tied(np)], 81, dtypes=used['axis1'])
    check(chainer, np, out, 'ties_all', F.max, [_tied(np)], 82,
          dtypes=used['all'])
    check(chainer, np, out, 'all', F.max, [(2, 3)], 78, dtypes=(),
          double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_axis'] = err(F.max, x, 2)
    out['err_dup_axis'] = err(F.max, x, (1, -1))
    out['err_axis_type'] = err(F.max, x, 1.5)
    return out


def case_min(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('all', F.min, [(2, 3)]),
        ('axis0_keepdims', lambda x: F.min(x, axis=0, keepdims=True),
         [(2, 3)])], 83)
    check(chainer, np, out, 'ties_axis0_keepdims',
          lambda x: F.min(x, axis=0, keepdims=True), [_tied(np)], 84,
          dtypes=used['axis0_keepdims'])
    check(chainer, np, out, 'ties_all', F.min, [_tied(np)], 85,
          dtypes=used['all'])
    return out


def case_polygamma(chainer, F, np):
    out = {}
    runs = []
    for k in (0, 1, 2):
        n = np.full(SHAPE, k, np.int32)
        runs.append(('n{}'.format(k), lambda x, n=n: F.polygamma(n, x),
                     [SHAPE]))
    n = np.array([[0, 1, 2], [3, 1, 0]], np.int32)
    runs.append(('mixed', lambda x: F.polygamma(n, x), [SHAPE]))
    sweep(chainer, np, out, runs, 86, low=0.5, high=3)
    return out


def case_prod(chainer, F, np):
    out = {}
    zeros = np.array([[1.5, 0.0, 2.0], [0.0, 0.0, 3.0]])
    used = sweep(chainer, np, out, [
        ('all', F.prod, [(2, 3)]),
        ('axis_keepdims', lambda x: F.prod(x, axis=1, keepdims=True),
         [(2, 3)]),
        ('axes', lambda x: F.prod(x, axis=(0, 2)), [(2, 3, 2)])], 88)
    check(chainer, np, out, 'axis_keepdims_zeros',
          lambda x: F.prod(x, axis=1, keepdims=True), [zeros], 91,
          dtypes=used['axis_keepdims'])
    check(chainer, np, out, 'all_zeros', F.prod,
          [np.array([[1.5, 0.0, 2.0], [1.0, 2.0, 3.0]])], 92,
          dtypes=used['all'])
    check(chainer, np, out, 'all', F.prod, [(2, 3)], 88, dtypes=(),
          double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_axis'] = err(F.prod, x, 2)
    out['err_axis_type'] = err(F.prod, x, 1.0)
    return out


def case_sum(chainer, F, np):
    # (the other options: cases/functions_basic)
    out = check(chainer, np, {}, 'neg_axes', lambda x: F.sum(x, (-1, 0)),
                [(2, 3, 2)], 93, dtypes=OPT)
    x = np.zeros((2, 3), np.float32)
    out['err_axis'] = err(F.sum, x, 2)
    out['err_dup_axis'] = err(F.sum, x, (0, -2))
    out['err_axis_type'] = err(F.sum, x, 1.0)
    return out


def case_sum_to(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('lead', lambda x: F.sum_to(x, (3,)), [(2, 3)]),
        ('keep', lambda x: F.sum_to(x, (2, 1)), [(2, 3)]),
        ('both', lambda x: F.sum_to(x, (1, 3, 1)), [(2, 2, 3, 2)]),
        ('same', lambda x: F.sum_to(x, (2, 3)), [(2, 3)]),
        # Chainer does not check that ``shape`` broadcasts to x's shape.
        ('unchecked', lambda x: F.sum_to(x, (2,)), [(2, 3)])], 94)
    return out


def case_tensordot(chainer, F, np):
    out = {}
    runs = [('default', F.tensordot, [(2, 3, 2), (3, 2, 2)])]
    for tag, axes, shapes in (
            ('int1', 1, [(2, 3), (3, 2)]),
            ('int0', 0, [(2,), (3,)]),
            ('pairs', ([0, 2], [1, 0]), [(2, 3, 2), (2, 2, 3)]),
            ('pair_ints', (1, 0), [(2, 3), (3, 2)])):
        runs.append((tag, lambda a, b, axes=axes: F.tensordot(a, b, axes),
                     shapes))
    sweep(chainer, np, out, runs, 98)
    check(chainer, np, out, 'default', F.tensordot, [(2, 3, 2), (3, 2, 2)],
          98, dtypes=(), double=F64)
    x = np.zeros((2, 3), np.float32)
    out['err_shape'] = err(F.tensordot, x, x, 1)
    out['err_dtype'] = err(F.tensordot, x, x.T.astype(np.float64), 1)
    return out


def case_zeta(chainer, F, np):
    s = np.array([[2.0, 3.0, 1.5], [4.0, 2.5, 6.0]])
    out = {}
    for dt in DTYPES:
        check(chainer, np, out, 'array_x', lambda q: F.zeta(s.astype(dt), q),
              [SHAPE], 103, low=0.5, high=3, dtypes=(dt,))
    check(chainer, np, out, 'scalar_x', lambda q: F.zeta(2.0, q), [SHAPE],
          104, low=0.5, high=3, dtypes=OPT)
    return out


def case_sparse_matmul(chainer, F, np):
    to_coo = chainer.utils.to_coo
    dense = np.array([[0.0, 1.5, 0.0], [-2.0, 0.0, 0.5]])
    out = {}
    # float32 and float64 (Chainer multiplies with scipy.sparse on CPU:
    # no float16)
    for dt, transa, transb in (('float32', False, False),
                               ('float64', True, False),
                               ('float32', False, True)):
        a = to_coo(dense.astype(dt))
        shape = {(False, False): (3, 2), (True, False): (2, 2),
                 (False, True): (2, 3)}[transa, transb]
        check(chainer, np, out, 'coo_a_{}_{}'.format(int(transa),
                                                    int(transb)),
              lambda b: F.sparse_matmul(a, b, transa=transa, transb=transb),
              [shape], 105, dtypes=(dt,))
    b = to_coo(dense.T.astype(np.float64))
    check(chainer, np, out, 'coo_b', lambda a: F.sparse_matmul(a, b),
          [(2, 3)], 106, dtypes=('float64',))
    out['err_two_dense'] = err(F.sparse_matmul, np.zeros((2, 3), np.float32),
                               np.zeros((3, 2), np.float32))
    return out


def case_sparse_matmul_float16(chainer, F, np):
    a = chainer.utils.to_coo(np.array([[0.0, 1.5], [-2.0, 0.0]], 'f2'))
    return {'err': err(F.sparse_matmul, a, np.zeros((2, 2), np.float16))}
