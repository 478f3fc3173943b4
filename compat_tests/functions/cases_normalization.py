"""``chainer.functions.normalization``: values, dtypes, gradients, double
backward, running statistics and errors against Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set runs
in one dtype in turn (``sweep``). Running statistics are NumPy arrays updated
in place, as in Chainer; their values after the call are recorded.
"""
from compat_tests.functions._common import DTYPES, OPT, arr, check, err, \
    rand, sweep, values

F64 = ('float64',)
NO_F16 = ('float32', 'float64')


def _pos(np, shape, seed):
    return lambda dt: rand(np, shape, seed, dt, 0.5, 1.5)


def case_batch_normalization(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', F.batch_normalization, [(4, 3), (3,), (3,)]),
        ('four_d', F.batch_normalization, [(2, 3, 2, 2), (3,), (3,)]),
        ('axis0_eps',
         lambda x, g, b: F.batch_normalization(x, g, b, eps=1e-3, axis=0),
         [(4, 3, 2), (3, 2), (3, 2)]),
        ('axis_tuple',
         lambda x, g, b: F.batch_normalization(x, g, b, axis=(0, 2, 3)),
         [(2, 3, 2, 2), (3,), (3,)])], 1)
    check(chainer, np, out, 'two_d', F.batch_normalization,
          [(4, 3), (3,), (3,)], 1, dtypes=(), double=F64)
    for dt in DTYPES:
        mean = np.zeros((3,), dt)
        var = np.ones((3,), dt)
        x = rand(np, (4, 3), 5, dt)
        y = F.batch_normalization(x, np.ones(3, dt), np.zeros(3, dt),
                                  running_mean=mean, running_var=var,
                                  decay=0.8)
        out['running_{}_y'.format(dt)] = arr(np, y)
        out['running_{}_mean'.format(dt)] = mean
        out['running_{}_var'.format(dt)] = var
    x = np.zeros((4, 3), np.float32)
    g = np.ones((3,), np.float32)
    out['err_gamma_shape'] = err(F.batch_normalization, x,
                                 np.ones((4,), np.float32), g)
    out['err_dtype'] = err(F.batch_normalization, x, g.astype(np.float64),
                           g)
    out['err_kwarg'] = err(F.batch_normalization, x, g, g, foo=1)
    return out


def case_fixed_batch_normalization(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', F.fixed_batch_normalization,
         [(4, 3), (3,), (3,), (3,), _pos(np, (3,), 6)]),
        ('four_d_eps',
         lambda x, g, b, m, v: F.fixed_batch_normalization(x, g, b, m, v,
                                                           eps=1e-3),
         [(2, 3, 2, 1), (3,), (3,), (3,), _pos(np, (3,), 8)]),
        ('axis',
         lambda x, g, b, m, v: F.fixed_batch_normalization(
             x, g, b, m, v, axis=(0, 1)),
         [(2, 3, 2), (2,), (2,), (2,), _pos(np, (2,), 10)])], 7)
    check(chainer, np, out, 'two_d', F.fixed_batch_normalization,
          [(4, 3), (3,), (3,), (3,), _pos(np, (3,), 6)], 7, dtypes=(),
          double=F64)
    x = np.zeros((4, 3), np.float32)
    g = np.ones((3,), np.float32)
    out['err_var_shape'] = err(F.fixed_batch_normalization, x, g, g, g,
                               np.ones((2,), np.float32))
    return out


def case_batch_renormalization(chainer, F, np):
    out = {}
    for dt, tag, kw in (('float32', 'update', {'update_statistics': True}),
                        ('float64', 'no_update', {}),
                        ('float16', 'update', {'update_statistics': True})):
        mean = rand(np, (3,), 12, dt, -0.2, 0.2)
        var = rand(np, (3,), 13, dt, 0.5, 1.5)
        check(chainer, np, out, tag,
              lambda x, g, b: F.batch_renormalization(
                  x, g, b, 1.5, 0.3, running_mean=mean,
                  running_var=var, decay=0.8, **kw),
              [(4, 3), (3,), (3,)], 14, dtypes=(dt,))
        out['{}_{}_mean'.format(tag, dt)] = mean
        out['{}_{}_var'.format(tag, dt)] = var
    return out


def case_fixed_batch_renormalization(chainer, F, np):
    return check(chainer, np, {}, 'two_d', F.fixed_batch_renormalization,
                 [(4, 3), (3,), (3,), (3,), _pos(np, (3,), 15)], 16)


def case_decorrelated_batch_normalization(chainer, F, np):
    # Chainer's decorrelated_batch_normalization uses numpy.linalg: no
    # float16.
    out = {}
    sweep(chainer, np, out, [
        ('groups2',
         lambda x: F.decorrelated_batch_normalization(x, groups=2),
         [(6, 4)]),
        ('four_d',
         lambda x: F.decorrelated_batch_normalization(x, groups=1,
                                                      eps=1e-3),
         [(2, 2, 2, 2)])], 17, dtypes=NO_F16)
    for dt in NO_F16:
        mean = np.zeros((2, 2), dt)
        proj = np.stack([np.eye(2, dtype=dt)] * 2)
        x = rand(np, (6, 4), 19, dt)
        y = F.decorrelated_batch_normalization(
            x, groups=2, running_mean=mean, running_projection=proj,
            decay=0.7)
        out['running_{}_y'.format(dt)] = arr(np, y)
        out['running_{}_mean'.format(dt)] = mean
        out['running_{}_proj'.format(dt)] = proj
    out['err_groups'] = err(F.decorrelated_batch_normalization,
                            np.zeros((6, 4), np.float32), groups=3)
    out['err_float16'] = err(F.decorrelated_batch_normalization,
                             rand(np, (6, 4), 17, 'float16'), groups=2)
    return out


def _projection(np, seed):
    def make(dt):
        a = np.random.RandomState(seed).uniform(-0.3, 0.3, (2, 2, 2))
        return (a + np.eye(2)).astype(dt)
    return make


def case_fixed_decorrelated_batch_normalization(chainer, F, np):
    # mean and projection are constants here: Chainer's gradients of them
    # are wrong (see the next case).
    out = {}
    for dt in DTYPES:
        m = rand(np, (2, 2), 20, dt)
        p = _projection(np, 22)(dt)
        check(chainer, np, out, 'groups2',
              lambda x: F.fixed_decorrelated_batch_normalization(
                  x, m, p, groups=2), [(3, 4)], 21, dtypes=(dt,))
        if dt == 'float32':
            check(chainer, np, out, 'four_d',
                  lambda x: F.fixed_decorrelated_batch_normalization(
                      x, m, p, groups=2), [(2, 4, 1, 2)], 23, dtypes=OPT)
    return out


def case_fixed_decorrelated_batch_normalization_param_grads(chainer, F,
                                                            np):
    # batch 2 = channels per group 2, so that Chainer's shapes agree
    return check(chainer, np, {}, 'groups2',
                 lambda x, m, p: F.fixed_decorrelated_batch_normalization(
                     x, m, p, groups=2),
                 [(2, 4), (2, 2), _projection(np, 24)], 25, dtypes=OPT)


def case_group_normalization(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('four_d', lambda x, g, b: F.group_normalization(x, 2, g, b),
         [(2, 4, 2, 1), (4,), (4,)]),
        ('two_d_eps',
         lambda x, g, b: F.group_normalization(x, 3, g, b, eps=1e-2),
         [(2, 6), (6,), (6,)])], 24)
    x = np.zeros((2, 4, 2), np.float32)
    g = np.ones((4,), np.float32)
    out['err_groups'] = err(F.group_normalization, x, 3, g, g)
    out['err_groups_type'] = err(F.group_normalization, x, 2.0, g, g)
    out['err_gamma'] = err(F.group_normalization, x, 2,
                           np.ones((3,), np.float32), g)
    return out


def case_normalize(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('axis1', F.normalize, [(2, 3)]),
        ('axis_tuple_eps', lambda x: F.normalize(x, eps=1e-2, axis=(1, 2)),
         [(2, 2, 3)])], 26)
    check(chainer, np, out, 'zeros', F.normalize, [np.zeros((2, 3))], 28,
          dtypes=[d for d in used['axis1'] if d != 'float16'])
    # float16 zero vector: the gradient gy / eps overflows in Chainer's
    # float16 arithmetic; chainerjax computes float16 in float32 (XLA
    # flushes float16 subnormals such as eps to zero): forward only.
    values(chainer, np, out, 'zeros', F.normalize, [np.zeros((2, 3))], 28,
           dtypes=('float16',))
    # a NaN or an infinity makes its vector's norm NaN (inf / inf)
    nan, inf = float('nan'), float('inf')
    check(chainer, np, out, 'nonfinite', F.normalize,
          [np.array([[nan, 1.0, 0.0], [inf, -1.0, 2.0]])], 29,
          dtypes=used['axis1'])
    out['err_int'] = err(F.normalize, np.zeros((2, 3), np.int32))
    return out


def case_layer_normalization(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', F.layer_normalization, [(3, 4), (4,), (4,)]),
        ('eps', lambda x, g, b: F.layer_normalization(x, g, b, eps=1e-2),
         [(2, 3), (3,), (3,)])], 29)
    check(chainer, np, out, 'base', F.layer_normalization,
          [(3, 4), (4,), (4,)], 29, dtypes=(), double=F64)
    x = np.zeros((3, 4), np.float32)
    out['err_ndim'] = err(F.layer_normalization, np.zeros((3, 4, 2),
                                                          np.float32),
                          np.ones((4,), np.float32),
                          np.ones((4,), np.float32))
    out['err_gamma'] = err(F.layer_normalization, x,
                           np.ones((3,), np.float32),
                           np.ones((4,), np.float32))
    return out


def case_local_response_normalization(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('default', F.local_response_normalization, [(2, 6, 2, 1)]),
        ('params',
         lambda x: F.local_response_normalization(x, n=3, k=1.0, alpha=0.5,
                                                  beta=0.5),
         [(1, 4, 2, 2)]),
        ('two_d', F.local_response_normalization, [(2, 3)])], 31)
    out['err_int'] = err(F.local_response_normalization,
                         np.zeros((1, 3, 2, 2), np.int32))
    return out
