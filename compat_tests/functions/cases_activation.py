"""``chainer.functions.activation``: values, dtypes, gradients, double
backward and type-check errors against Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set runs
in one dtype in turn (``sweep``), and the backward pass starts from a fixed
random upstream gradient. Inputs at the non-differentiable points (0 for
relu, the clipping bounds, ties of maxout) have the shapes and options of a
random run, in its dtypes, so that they reuse its compiled kernels.
``relu``, ``sigmoid``, ``tanh`` and ``softmax`` are also covered in
``cases/functions_basic``.
"""
from compat_tests.functions._common import DTYPES, OPT, check, err, sweep

F64 = ('float64',)
SHAPE = (3, 4)
# 12 values with the kinks of the piecewise activations.
KINKS = [-3.0, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 2.5, 3.0, 6.0, 7.0, 20.0]
# NaN and the infinities (NaN propagates, or not, with Chainer's gradient).
NONFINITE = [float('nan'), -float('inf'), float('inf'), 0.0, -0.0, 1.0, -1.0,
             0.5, -0.5, 3.0, -3.0, 100.0]
EXTREME = [-1000.0, -40.0, -10.0, 0.0, 10.0, 40.0, 1000.0, -5.0, 5.0, 1.0,
           -1.0, 0.5]


def _kinks(np):
    return np.array(KINKS).reshape(SHAPE)


def _nonfinite(np):
    return np.array(NONFINITE).reshape(SHAPE)


def _extreme(np):
    return np.array(EXTREME).reshape(SHAPE)


def _int(np):
    return np.arange(12, dtype=np.int32).reshape(SHAPE)


def case_clipped_relu(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('default', F.clipped_relu, [SHAPE]),
        ('z', lambda x: F.clipped_relu(x, 0.75), [SHAPE])], 1, low=-30,
        high=30)
    check(chainer, np, out, 'kinks', F.clipped_relu, [_kinks(np)], 3,
          dtypes=used['default'])
    check(chainer, np, out, 'kinks_z', lambda x: F.clipped_relu(x, 0.75),
          [np.array([-1, 0, 0.75, 0.5, 1, 2] * 2).reshape(SHAPE)], 4,
          dtypes=used['z'])
    check(chainer, np, out, 'nonfinite', F.clipped_relu, [_nonfinite(np)], 8,
          dtypes=used['default'])
    out['err_int'] = err(F.clipped_relu, _int(np))
    return out


def case_relu6(chainer, F, np):
    out = check(chainer, np, {}, 'rand', F.relu6, [SHAPE], 5, low=-8,
                high=8)
    check(chainer, np, out, 'kinks', F.relu6, [_kinks(np)], 6)
    check(chainer, np, out, 'nonfinite', F.relu6, [_nonfinite(np)], 9)
    out['err_int'] = err(F.relu6, _int(np))
    return out


def case_crelu(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('axis1', F.crelu, [SHAPE]),
        ('axis0', lambda x: F.crelu(x, axis=0), [SHAPE]),
        ('axis_neg', lambda x: F.crelu(x, axis=-1), [(2, 3, 2)])], 7)
    check(chainer, np, out, 'kinks', F.crelu, [_kinks(np)], 10,
          dtypes=used['axis1'])
    check(chainer, np, out, 'nonfinite', F.crelu, [_nonfinite(np)], 22,
          dtypes=used['axis1'])
    out['err_axis'] = err(F.crelu, np.zeros(SHAPE, np.float32), 2)
    out['err_int'] = err(F.crelu, _int(np))
    return out


def case_elu(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('default', F.elu, [SHAPE]),
        ('alpha', lambda x: F.elu(x, alpha=0.5), [SHAPE])], 11, low=-3,
        high=3)
    check(chainer, np, out, 'kinks', F.elu, [_kinks(np)], 13,
          dtypes=used['default'], double=F64)
    out['err_int'] = err(F.elu, _int(np))
    return out


def case_hard_sigmoid(chainer, F, np):
    out = check(chainer, np, {}, 'rand', F.hard_sigmoid, [SHAPE], 14,
                low=-4, high=4)
    check(chainer, np, out, 'kinks', F.hard_sigmoid, [_kinks(np)], 15)
    check(chainer, np, out, 'nonfinite', F.hard_sigmoid, [_nonfinite(np)],
          12)
    out['err_int'] = err(F.hard_sigmoid, _int(np))
    return out


def case_leaky_relu(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('default', F.leaky_relu, [SHAPE]),
        ('slope', lambda x: F.leaky_relu(x, slope=0.5), [SHAPE]),
        ('neg_slope', lambda x: F.leaky_relu(x, slope=-0.3), [SHAPE])], 16)
    check(chainer, np, out, 'kinks', F.leaky_relu, [_kinks(np)], 19,
          dtypes=used['default'])
    check(chainer, np, out, 'nonfinite', F.leaky_relu, [_nonfinite(np)], 20,
          dtypes=used['default'])
    check(chainer, np, out, 'nonfinite_neg',
          lambda x: F.leaky_relu(x, slope=-0.3), [_nonfinite(np)], 21,
          dtypes=used['neg_slope'])
    out['err_int'] = err(F.leaky_relu, _int(np))
    return out


def case_log_softmax(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('axis1', F.log_softmax, [SHAPE]),
        ('axis0', lambda x: F.log_softmax(x, axis=0), [SHAPE]),
        ('axis2', lambda x: F.log_softmax(x, axis=2), [(2, 2, 3)])], 20,
        low=-3, high=3)
    check(chainer, np, out, 'large', F.log_softmax,
          [np.array([[1000.0, 0.0, -1000.0, 0.5]] * 3)], 23,
          dtypes=used['axis1'], double=F64)
    out['err_axis'] = err(F.log_softmax, np.zeros(SHAPE, np.float32), 2)
    out['err_int'] = err(F.log_softmax, _int(np))
    return out


def case_maxout(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('pool2', lambda x: F.maxout(x, 2), [SHAPE]),
        ('pool3_axis0', lambda x: F.maxout(x, 3, axis=0), [(6, 2)]),
        ('axis2', lambda x: F.maxout(x, 2, axis=2), [(2, 2, 4)])], 24)
    ties = np.array([[1.0, 1.0, 0.5, 2.0],
                     [-1.0, -1.0, 3.0, 3.0],
                     [0.0, 0.0, 0.0, 0.0]])
    check(chainer, np, out, 'ties', lambda x: F.maxout(x, 2), [ties], 27,
          dtypes=used['pool2'])
    x = np.zeros(SHAPE, np.float32)
    out['err_pool'] = err(F.maxout, x, 3)
    out['err_axis'] = err(F.maxout, x, 2, 2)
    out['err_int'] = err(F.maxout, _int(np), 2)
    return out


def case_prelu(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('vec', F.prelu, [SHAPE, (4,)]),
        ('scalar_w', F.prelu, [SHAPE, ()]),
        ('mat_w', F.prelu, [(2, 3, 2), (3, 2)])], 28)
    check(chainer, np, out, 'kinks', F.prelu, [_kinks(np), (4,)], 31,
          dtypes=used['vec'], double=F64)
    x = np.zeros(SHAPE, np.float32)
    out['err_w_shape'] = err(F.prelu, x, np.zeros((3,), np.float32))
    out['err_w_dtype'] = err(F.prelu, x, np.zeros((4,), np.float64))
    return out


def case_relu(chainer, F, np):
    out = check(chainer, np, {}, 'kinks', F.relu, [_kinks(np)], 33,
                dtypes=OPT, double=F64)
    check(chainer, np, out, 'nonfinite', F.relu, [_nonfinite(np)], 34,
          dtypes=OPT)
    out['err_int'] = err(F.relu, _int(np))
    return out


def case_rrelu(chainer, F, np):
    out = {}
    r = np.random.RandomState(37).uniform(0.125, 1 / 3., SHAPE)
    with chainer.using_config('train', False):
        used = sweep(chainer, np, out, [
            ('test', F.rrelu, [SHAPE]),
            ('test_lu', lambda x: F.rrelu(x, l=0.1, u=0.5), [SHAPE])], 34)
        check(chainer, np, out, 'test_kinks', F.rrelu, [_kinks(np)], 36,
              dtypes=used['test'])
    # With a given r the result is deterministic in training mode too.
    check(chainer, np, out, 'given_r',
          lambda x: F.rrelu(x, r=r.astype(x.dtype)), [SHAPE], 38)
    for dt in DTYPES:
        x = np.random.RandomState(39).uniform(-1, 1, SHAPE).astype(dt)
        y, r2 = F.rrelu(x, return_r=True)
        out['return_r_{}_r_dtype'.format(dt)] = str(r2.dtype)
        out['return_r_{}_r_shape'.format(dt)] = list(r2.shape)
        out['return_r_{}_r_in_range'.format(dt)] = bool(
            ((r2 >= 0.125 - 1e-3) & (r2 <= 1 / 3. + 1e-3)).all())
        out['return_r_{}_y'.format(dt)] = bool(np.allclose(
            np.asarray(y.array), np.where(x >= 0, x, x * r2)))
        with chainer.using_config('train', False):
            y, r3 = F.rrelu(x, return_r=True)
        out['return_r_test_{}_r'.format(dt)] = np.asarray(r3)
    x = np.zeros(SHAPE, np.float32)
    out['err_r_shape'] = err(F.rrelu, x, r=np.zeros((4,), np.float32))
    out['err_lu'] = err(F.rrelu, x, l=0.5, u=0.1)
    out['err_int'] = err(F.rrelu, _int(np))
    out['err_kwarg'] = err(F.rrelu, x, foo=1)
    return out


def case_selu(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('default', F.selu, [SHAPE]),
        ('params', lambda x: F.selu(x, alpha=1.5, scale=2.0), [SHAPE])], 40,
        low=-3, high=3)
    check(chainer, np, out, 'kinks', F.selu, [_kinks(np)], 42,
          dtypes=used['default'])
    return out


def case_sigmoid(chainer, F, np):
    out = check(chainer, np, {}, 'extreme', F.sigmoid, [_extreme(np)], 44,
                double=F64)
    out['err_int'] = err(F.sigmoid, _int(np))
    return out


def case_softmax(chainer, F, np):
    out = check(chainer, np, {}, 'axis_neg',
                lambda x: F.softmax(x, axis=-1), [(2, 2, 3)], 46, low=-3,
                high=3, dtypes=OPT, double=F64)
    check(chainer, np, out, 'large', F.softmax,
          [np.array([[1000.0, 0.0, -1000.0, 0.5]] * 3)], 47)
    out['err_axis'] = err(F.softmax, np.zeros(SHAPE, np.float32), 2)
    out['err_int'] = err(F.softmax, _int(np))
    return out


def case_softplus(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('default', F.softplus, [SHAPE]),
        ('beta', lambda x: F.softplus(x, beta=2.0), [SHAPE])], 48, low=-5,
        high=5)
    check(chainer, np, out, 'extreme', F.softplus, [_extreme(np)], 50,
          dtypes=used['default'])
    check(chainer, np, out, 'default', F.softplus, [SHAPE], 48, dtypes=(),
          double=F64, low=-5, high=5)
    out['err_int'] = err(F.softplus, _int(np))
    return out


def case_swish(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('vec', F.swish, [SHAPE, (4,)]),
        ('scalar_beta', F.swish, [SHAPE, ()]),
        ('mat_beta', F.swish, [(2, 3, 2), (3, 2)])], 51, low=-3, high=3)
    check(chainer, np, out, 'vec', F.swish, [SHAPE, (4,)], 51, dtypes=(),
          double=F64, low=-3, high=3)
    x = np.zeros(SHAPE, np.float32)
    out['err_beta_shape'] = err(F.swish, x, np.zeros((3,), np.float32))
    out['err_beta_dtype'] = err(F.swish, x, np.zeros((4,), np.float64))
    return out


def case_tanh(chainer, F, np):
    out = check(chainer, np, {}, 'extreme', F.tanh, [_extreme(np)], 55,
                double=F64)
    out['err_int'] = err(F.tanh, _int(np))
    return out
