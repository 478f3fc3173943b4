"""``chainer.functions.noise``: the deterministic parts against Chainer
7.8.1 (test mode, or a given mask / noise), and shapes, dtypes and
invariants of the random parts (the random numbers themselves differ by
design: chainerjax draws from JAX's generator).
"""
from compat_tests.functions._common import DTYPES, OPT, arr, check, err

SHAPE = (3, 4)


def _mask(np, shape, seed, ratio):
    return np.random.RandomState(seed).uniform(0, 1, shape) >= ratio


def case_dropout(chainer, F, np):
    out = {}
    with chainer.using_config('train', False):
        check(chainer, np, out, 'test', F.dropout, [SHAPE], 1)
        x = chainer.Variable(np.ones(SHAPE, np.float32))
        out['test_is_input'] = F.dropout(x) is x
        y, mask = F.dropout(x, return_mask=True)
        out['test_return_mask'] = 'None' if mask is None else arr(np, mask)
    # A given mask holds the scaled keep flags: y = x * mask.
    for dt in DTYPES:
        m = (_mask(np, SHAPE, 2, 0.5) * 2.0).astype(dt)
        check(chainer, np, out, 'mask',
              lambda x: F.dropout(x, mask=m), [SHAPE], 3, dtypes=(dt,))
    m = (_mask(np, SHAPE, 4, 0.25) / 0.75).astype(np.float32)
    check(chainer, np, out, 'mask_return',
          lambda x: F.dropout(x, 0.25, mask=m, return_mask=True), [SHAPE], 5,
          dtypes=OPT)
    # Random masks: shape, dtype and the scaling of kept elements.
    for dt in DTYPES:
        x = np.random.RandomState(6).uniform(1, 2, SHAPE).astype(dt)
        y, mask = F.dropout(x, 0.25, return_mask=True)
        y = np.asarray(y.array)
        mask = np.asarray(mask)
        out['random_{}_dtype'.format(dt)] = str(y.dtype)
        out['random_{}_mask_dtype'.format(dt)] = str(mask.dtype)
        out['random_{}_mask_shape'.format(dt)] = list(mask.shape)
        kept = y != 0
        out['random_{}_scaled'.format(dt)] = bool(np.allclose(
            y[kept], x[kept] / 0.75, rtol=1e-3))
        out['random_{}_consistent'.format(dt)] = bool(np.allclose(
            y, x * mask, rtol=1e-3))
    x = np.ones(SHAPE, np.float32)
    y = F.dropout(x, 0.0)
    out['ratio0'] = arr(np, y)
    out['err_ratio1'] = err(F.dropout, x, 1.0)
    out['err_ratio_neg'] = err(F.dropout, x, -0.1)
    out['err_kwarg'] = err(F.dropout, x, train=False)
    return out


def case_gaussian(chainer, F, np):
    out = {}
    for dt in DTYPES:
        eps = np.random.RandomState(7).standard_normal(SHAPE).astype(dt)
        check(chainer, np, out, 'eps',
              lambda m, v: F.gaussian(m, v, eps=eps), [SHAPE, SHAPE], 8,
              dtypes=(dt,))
    eps = np.random.RandomState(9).standard_normal(SHAPE).astype(np.float32)
    check(chainer, np, out, 'eps_return',
          lambda m, v: F.gaussian(m, v, eps=eps, return_eps=True),
          [SHAPE, SHAPE], 10, dtypes=OPT)
    with chainer.using_config('train', False):
        check(chainer, np, out, 'test_eps',
              lambda m, v: F.gaussian(m, v, eps=eps), [SHAPE, SHAPE], 11,
              dtypes=OPT)
    for dt in DTYPES:
        m = np.zeros(SHAPE, dt)
        v = np.zeros(SHAPE, dt)
        y, e = F.gaussian(m, v, return_eps=True)
        out['random_{}_dtype'.format(dt)] = str(y.dtype)
        out['random_{}_eps'.format(dt)] = '{} {}'.format(
            np.asarray(e).dtype, list(np.asarray(e).shape))
        out['random_{}_y_is_eps'.format(dt)] = bool(np.allclose(
            np.asarray(y.array), np.asarray(e)))
    z = np.zeros(SHAPE, np.float32)
    out['err_shape'] = err(F.gaussian, z, np.zeros((4,), np.float32))
    out['err_eps_kwarg'] = err(F.gaussian, z, z, foo=1)
    return out


def case_gumbel_softmax(chainer, F, np):
    out = {}
    for dt, tag, kw in (('float32', 'axis1', {}),
                        ('float64', 'axis0_tau', {'tau': 1.0, 'axis': 0}),
                        ('float16', 'axis1', {})):
        log_p = np.log(np.full(SHAPE, 0.25)).astype(dt)
        y = F.gumbel_softmax(log_p, **kw)
        a = np.asarray(y.array).astype(np.float64)
        key = '{}_{}'.format(tag, dt)
        out[key + '_dtype'] = str(y.dtype)
        out[key + '_shape'] = list(y.shape)
        out[key + '_sums_to_1'] = bool(np.allclose(
            a.sum(axis=kw.get('axis', 1)), 1, atol=1e-2))
        out[key + '_in_range'] = bool(((a >= 0) & (a <= 1)).all())
    # the gradient flows to log_pi
    x = chainer.Variable(np.zeros(SHAPE, np.float32))
    y = F.gumbel_softmax(x, tau=1.0)
    F.sum(y * y).backward()
    out['grad_dtype'] = str(x.grad.dtype)
    out['grad_shape'] = list(x.grad.shape)
    return out


def case_simplified_dropconnect(chainer, F, np):
    out = {}
    mask = _mask(np, (2, 3, 4), 12, 0.5)
    check(chainer, np, out, 'mask_batchwise',
          lambda x, W, b: F.simplified_dropconnect(x, W, b, mask=mask),
          [(2, 4), (3, 4), (3,)], 13)
    m2 = _mask(np, (3, 4), 14, 0.3)
    check(chainer, np, out, 'mask_shared',
          lambda x, W: F.simplified_dropconnect(x, W, ratio=0.3, mask=m2,
                                                use_batchwise_mask=False),
          [(2, 4), (3, 4)], 15, dtypes=OPT)
    check(chainer, np, out, 'not_train',
          lambda x, W, b: F.simplified_dropconnect(x, W, b, train=False),
          [(2, 4), (3, 4), (3,)], 16)
    check(chainer, np, out, 'nd_x',
          lambda x, W: F.simplified_dropconnect(x, W, mask=mask),
          [(2, 2, 2), (3, 4)], 17, dtypes=OPT)
    for dt, tag, kw in (('float32', 'batchwise', {}),
                        ('float64', 'shared', {'use_batchwise_mask': False}),
                        ('float16', 'batchwise', {})):
        x = np.ones((2, 4), dt)
        W = np.ones((3, 4), dt)
        y = F.simplified_dropconnect(x, W, ratio=0.25, **kw)
        a = np.asarray(y.array).astype(np.float64)
        key = 'random_{}_{}'.format(tag, dt)
        out[key + '_dtype'] = str(y.dtype)
        out[key + '_shape'] = list(y.shape)
        # each output is (number of kept weights) / (1 - ratio)
        k = a * 0.75
        out[key + '_multiple'] = bool(np.allclose(k, np.round(k),
                                                  atol=1e-2))
    x = np.zeros((2, 4), np.float32)
    W = np.zeros((3, 4), np.float32)
    out['err_mask_shape'] = err(F.simplified_dropconnect, x, W,
                                mask=np.ones((3, 4), bool))
    out['err_w_shape'] = err(F.simplified_dropconnect, x,
                             np.zeros((3, 5), np.float32))
    return out


def case_zoneout(chainer, F, np):
    out = {}
    with chainer.using_config('train', False):
        check(chainer, np, out, 'test', F.zoneout, [SHAPE, SHAPE], 18)
        h = chainer.Variable(np.ones(SHAPE, np.float32))
        x = chainer.Variable(np.zeros(SHAPE, np.float32))
        out['test_is_x'] = F.zoneout(h, x) is x
    for dt in DTYPES:
        h = np.full(SHAPE, 2.0, dt)
        x = np.full(SHAPE, 1.0, dt)
        hv = chainer.Variable(h)
        xv = chainer.Variable(x)
        y = F.zoneout(hv, xv, 0.25)
        a = np.asarray(y.array).astype(np.float64)
        key = 'random_' + dt
        out[key + '_dtype'] = str(y.dtype)
        # y is h or x elementwise
        out[key + '_h_or_x'] = bool(((a == 2.0) | (a == 1.0)).all())
        y.grad = np.ones(SHAPE, dt)
        y.backward()
        gh = np.asarray(hv.grad).astype(np.float64)
        gx = np.asarray(xv.grad).astype(np.float64)
        out[key + '_grads_split'] = bool(
            np.array_equal(gh + gx, np.ones(SHAPE)) and
            np.array_equal(gh == 1, a == 2.0))
    out['err_kwarg'] = err(F.zoneout, np.zeros(SHAPE, np.float32),
                           np.zeros(SHAPE, np.float32), train=True)
    return out
