"""``chainer.functions.loss``: values, dtypes, gradients, double backward
and errors against Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set
(``reduce``, ``normalize``, ignored labels, ...) runs in one dtype in turn
(``sweep``).
``mean_squared_error`` and most ``softmax_cross_entropy`` options are also
covered in ``cases/functions_basic``.
"""
from compat_tests.functions._common import OPT, check, err, sweep, values

F64 = ('float64',)


def _i(np, *v):
    return np.array(v, np.int32)


def case_absolute_error(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.absolute_error, [(2, 3), (2, 3)],
                1)
    # equal inputs: the gradient of |0| is 0
    same = np.array([[0.5, -1.0, 0.0], [2.0, 0.25, -0.5]])
    check(chainer, np, out, 'equal', F.absolute_error, [same, same], 2)
    out['err_shape'] = err(F.absolute_error, np.zeros((2, 3), np.float32),
                           np.zeros((3,), np.float32))
    out['err_dtype'] = err(F.absolute_error, np.zeros((2,), np.float32),
                           np.zeros((2,), np.float64))
    return out


def case_black_out(chainer, F, np):
    t = _i(np, 0, 3, 1)
    samples = np.array([[1, 2], [0, 2], [3, 3]], np.int32)
    out = {}
    sweep(chainer, np, out, [
        ('mean', lambda x, W: F.black_out(x, t, W, samples),
         [(3, 2), (4, 2)]),
        ('no', lambda x, W: F.black_out(x, t, W, samples, reduce='no'),
         [(3, 2), (4, 2)])], 3)
    out['err_reduce'] = err(F.black_out, np.zeros((3, 2), np.float32), t,
                            np.zeros((4, 2), np.float32), samples,
                            reduce='sum')
    return out


def case_contrastive(chainer, F, np):
    y = _i(np, 1, 0, 0, 1)
    out = {}
    sweep(chainer, np, out, [
        ('mean', lambda a, b: F.contrastive(a, b, y), [(4, 3), (4, 3)]),
        ('no_margin',
         lambda a, b: F.contrastive(a, b, y, margin=0.5, reduce='no'),
         [(4, 3), (4, 3)])], 5)
    check(chainer, np, out, 'mean', lambda a, b: F.contrastive(a, b, y),
          [(4, 3), (4, 3)], 5, dtypes=(), double=F64)
    x = np.zeros((4, 3), np.float32)
    out['err_reduce'] = err(F.contrastive, x, x, y, reduce='sum')
    out['err_margin'] = err(F.contrastive, x, x, y, margin=0.0)
    out['err_y_shape'] = err(F.contrastive, x, x, _i(np, 1, 0))
    return out


def _crf_xs(np, dt, seed):
    rs = np.random.RandomState(seed)
    return [rs.uniform(-1, 1, (b, 3)).astype(dt) for b in (3, 2, 2, 1)]


def _crf_ys():
    return [[0, 2, 1], [1, 1], [2, 0], [1]]


def case_crf1d(chainer, F, np):
    out = {}
    for dt, reduce in (('float32', 'mean'), ('float64', 'no'),
                       ('float16', 'mean')):
        tag = '{}_{}'.format(reduce, dt)
        cost = chainer.Variable(
            np.random.RandomState(7).uniform(-1, 1, (3, 3)).astype(dt))
        xs = [chainer.Variable(x) for x in _crf_xs(np, dt, 8)]
        ys = [np.array(y, np.int32) for y in _crf_ys()]
        loss = F.crf1d(cost, xs, ys, reduce=reduce)
        out[tag + '_y'] = np.asarray(loss.array)
        loss.grad = np.random.RandomState(9).uniform(
            -1, 1, loss.shape).astype(dt)
        loss.backward()
        out[tag + '_gcost'] = np.asarray(cost.grad)
        for i, x in enumerate(xs):
            out['{}_gx{}'.format(tag, i)] = np.asarray(x.grad)
    out['err_reduce'] = err(F.crf1d, np.zeros((3, 3), np.float32),
                            _crf_xs(np, 'float32', 8),
                            [np.array(y, np.int32) for y in _crf_ys()],
                            reduce='sum')
    return out


def case_argmax_crf1d(chainer, F, np):
    out = {}
    for dt in ('float16', 'float32', 'float64'):
        cost = np.random.RandomState(10).uniform(-1, 1, (3, 3)).astype(dt)
        score, path = F.argmax_crf1d(cost, _crf_xs(np, dt, 11))
        out[dt + '_score'] = np.asarray(score.array)
        out[dt + '_path_n'] = len(path)
        for i, p in enumerate(path):
            out['{}_path{}'.format(dt, i)] = np.asarray(p)
    return out


def case_cross_covariance(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('half', F.cross_covariance, [(4, 3), (4, 2)]),
        ('no', lambda y, z: F.cross_covariance(y, z, reduce='no'),
         [(4, 3), (4, 2)])], 12)
    check(chainer, np, out, 'half', F.cross_covariance, [(4, 3), (4, 2)],
          12, dtypes=(), double=F64)
    y = np.zeros((4, 3), np.float32)
    out['err_reduce'] = err(F.cross_covariance, y, y, reduce='mean')
    out['err_batch'] = err(F.cross_covariance, y,
                           np.zeros((3, 3), np.float32))
    return out


def case_connectionist_temporal_classification(chainer, F, np):
    out = {}
    t = np.array([[1, 2], [2, 2]], np.int32)

    def ctc(*xs, **kw):
        return F.connectionist_temporal_classification(list(xs), t, 0, **kw)
    il = np.array([5, 4], np.int32)
    ll = np.array([2, 1], np.int32)
    # T = 5 steps of (batch 2, 3 symbols)
    sweep(chainer, np, out, [
        ('mean', ctc, [(2, 3)] * 5),
        ('lengths_no',
         lambda *xs: ctc(*xs, input_length=il, label_length=ll,
                         reduce='no'), [(2, 3)] * 5)], 14, low=-2, high=2)
    xs = [np.zeros((2, 3), np.float32)] * 5
    out['err_reduce'] = err(F.connectionist_temporal_classification, xs, t,
                            0, reduce='sum')
    out['err_blank'] = err(F.connectionist_temporal_classification, xs, t,
                           1.5)
    out['err_xs'] = err(F.connectionist_temporal_classification,
                        np.zeros((5, 2, 3), np.float32), t, 0)
    return out


def case_decov(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('half', F.decov, [(4, 3)]),
        ('no', lambda h: F.decov(h, reduce='no'), [(4, 3)])], 16)
    out['err_reduce'] = err(F.decov, np.zeros((4, 3), np.float32), 'mean')
    out['err_ndim'] = err(F.decov, np.zeros((4,), np.float32))
    return out


def _dmbcl_labels(np):
    return np.array([[[0, 1, 1], [2, 0, 1]],
                     [[1, 1, 0], [0, 2, 2]]], np.int32)


def _dmbcl_norm2(F, labels):
    return lambda e: F.discriminative_margin_based_clustering_loss(
        e, labels, 0.2, 2.0, 2, norm=2, alpha=0.5, beta=2.0, gamma=0.1)


def case_discriminative_margin_based_clustering_loss(chainer, F, np):
    labels = _dmbcl_labels(np)
    out = check(chainer, np, {}, 'base',
                lambda e: F.discriminative_margin_based_clustering_loss(
                    e, labels, 0.5, 1.5, 2),
                [(2, 2, 2, 3)], 18, low=-2, high=2)
    values(chainer, np, out, 'norm2', _dmbcl_norm2(F, labels),
           [(2, 2, 2, 3)], 19, dtypes=OPT, low=-2, high=2)
    out['err_dim'] = err(F.discriminative_margin_based_clustering_loss,
                         np.zeros((2, 2, 2, 3), np.float32), labels, 0.5,
                         1.5, 3)
    return out


def case_discriminative_margin_based_clustering_loss_norm2_grad(
        chainer, F, np):
    # Chainer's L2 norm differentiates sqrt at 0 (every masked-out pixel):
    # its gradients are NaN.
    return check(chainer, np, {}, 'norm2',
                 _dmbcl_norm2(F, _dmbcl_labels(np)), [(2, 2, 2, 3)], 19,
                 dtypes=OPT, low=-2, high=2)


def case_hinge(chainer, F, np):
    t = _i(np, 0, 2, 1, 2)
    out = {}
    used = sweep(chainer, np, out, [
        ('l1', lambda x: F.hinge(x, t), [(4, 3)]),
        ('l2_no', lambda x: F.hinge(x, t, norm='L2', reduce='no'),
         [(4, 3)]),
        ('l2', lambda x: F.hinge(x, t, norm='L2'), [(4, 3)])], 20)
    # margins exactly 0: 1 + x = 0 and 1 - x = 0
    kinks = np.array([[1.0, -1.0, 0.0], [-1.0, 0.5, 1.0],
                      [0.0, 1.0, -1.0], [-1.0, -1.0, 1.0]])
    check(chainer, np, out, 'kinks', lambda x: F.hinge(x, t), [kinks], 23,
          dtypes=used['l1'])
    inf, nan = float('inf'), float('nan')
    nonfinite = np.array([[nan, -inf, inf], [inf, 0.5, nan],
                          [-inf, 1.0, -1.0], [nan, nan, 1.0]])
    check(chainer, np, out, 'nonfinite', lambda x: F.hinge(x, t), [nonfinite],
          25, dtypes=used['l1'])
    check(chainer, np, out, 'nonfinite_l2_no',
          lambda x: F.hinge(x, t, norm='L2', reduce='no'), [nonfinite], 26,
          dtypes=used['l2_no'])
    x = np.zeros((4, 3), np.float32)
    out['err_norm'] = err(F.hinge, x, t, norm='L3')
    out['err_reduce'] = err(F.hinge, x, t, reduce='sum')
    out['err_t_shape'] = err(F.hinge, x, _i(np, 0, 1))
    return out


def case_huber_loss(chainer, F, np):
    out = {}
    used = sweep(chainer, np, out, [
        ('sum_axis', lambda x, t: F.huber_loss(x, t, 1.0), [(3, 4), (3, 4)]),
        ('no', lambda x, t: F.huber_loss(x, t, 0.5, reduce='no'),
         [(3, 4), (3, 4)])], 24, low=-2, high=2)
    # |x - t| == delta
    x = np.array([[1.0, -1.0, 0.0, 2.0]] * 3)
    t = np.zeros((3, 4))
    check(chainer, np, out, 'kinks', lambda x, t: F.huber_loss(x, t, 1.0),
          [x, t], 26, dtypes=used['sum_axis'])
    check(chainer, np, out, 'sum_axis', lambda x, t: F.huber_loss(x, t, 1.0),
          [(3, 4), (3, 4)], 24, dtypes=(), double=F64, low=-2, high=2)
    # infinite and NaN differences (the gradient is clip(d, -delta, delta))
    inf, nan = float('inf'), float('nan')
    x = np.array([[inf, -inf, nan, 0.5]] * 3)
    check(chainer, np, out, 'nonfinite',
          lambda x, t: F.huber_loss(x, t, 0.5, reduce='no'), [x, t], 27,
          dtypes=used['no'])
    z = np.zeros((3, 4), np.float32)
    out['err_reduce'] = err(F.huber_loss, z, z, 1.0, reduce='mean')
    out['err_shape'] = err(F.huber_loss, z, z[0], 1.0)
    return out


def case_mean_absolute_error(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.mean_absolute_error,
                [(2, 3), (2, 3)], 27)
    same = np.array([[0.5, -1.0, 0.0], [2.0, 0.25, -0.5]])
    check(chainer, np, out, 'equal', F.mean_absolute_error, [same, same],
          28)
    out['err_shape'] = err(F.mean_absolute_error,
                           np.zeros((2, 3), np.float32),
                           np.zeros((3,), np.float32))
    return out


def case_mean_squared_error(chainer, F, np):
    # (values in three dtypes: cases/functions_basic)
    out = check(chainer, np, {}, 'base', F.mean_squared_error,
                [(2, 3), (2, 3)], 29, dtypes=(), double=F64)
    out['err_shape'] = err(F.mean_squared_error,
                           np.zeros((2, 3), np.float32),
                           np.zeros((3,), np.float32))
    out['err_dtype'] = err(F.mean_squared_error,
                           np.zeros((2,), np.float32),
                           np.zeros((2,), np.float64))
    return out


def _sampler(np, n_vocab):
    def sampler(shape):
        return np.random.RandomState(30).randint(0, n_vocab, shape).astype(
            np.int32)
    return sampler


def case_negative_sampling(chainer, F, np):
    t = _i(np, 0, 3, 1)
    ti = _i(np, 0, -1, 1)
    out = {}
    sweep(chainer, np, out, [
        ('sum', lambda x, W: F.negative_sampling(x, t, W, _sampler(np, 4),
                                                 2),
         [(3, 2), (4, 2)]),
        ('no', lambda x, W: F.negative_sampling(x, t, W, _sampler(np, 4), 3,
                                                reduce='no'),
         [(3, 2), (4, 2)]),
        ('ignore',
         lambda x, W: F.negative_sampling(x, ti, W, _sampler(np, 4), 2,
                                          reduce='no'),
         [(3, 2), (4, 2)])], 31)
    x = np.random.RandomState(34).uniform(-1, 1, (3, 2)).astype(np.float32)
    W = np.random.RandomState(35).uniform(-1, 1, (4, 2)).astype(np.float32)
    loss, samples = F.negative_sampling(x, t, W, _sampler(np, 4), 2,
                                        return_samples=True)
    out['return_samples_loss'] = np.asarray(loss.array)
    out['return_samples'] = np.asarray(samples)
    out['err_reduce'] = err(F.negative_sampling, x, t, W, _sampler(np, 4),
                            2, reduce='mean')
    return out


def case_sigmoid_cross_entropy(chainer, F, np):
    t = np.array([[0, 1, -1], [1, 1, 0]], np.int32)
    out = {}
    used = sweep(chainer, np, out, [
        ('mean', lambda x: F.sigmoid_cross_entropy(x, t), [(2, 3)]),
        ('no_normalize',
         lambda x: F.sigmoid_cross_entropy(x, t, normalize=False), [(2, 3)]),
        ('no', lambda x: F.sigmoid_cross_entropy(x, t, reduce='no'),
         [(2, 3)])], 36, low=-3, high=3)
    check(chainer, np, out, 'all_ignored',
          lambda x: F.sigmoid_cross_entropy(x, np.full((2, 3), -1,
                                                       np.int32)),
          [(2, 3)], 39, dtypes=used['mean'])
    check(chainer, np, out, 'extreme',
          lambda x: F.sigmoid_cross_entropy(x, t),
          [np.array([[-100.0, 100.0, 0.0], [-30.0, 30.0, 0.0]])], 40,
          dtypes=used['mean'])
    check(chainer, np, out, 'mean', lambda x: F.sigmoid_cross_entropy(x, t),
          [(2, 3)], 36, dtypes=(), double=F64, low=-3, high=3)
    x = np.zeros((2, 3), np.float32)
    out['err_reduce'] = err(F.sigmoid_cross_entropy, x, t, reduce='sum')
    out['err_shape'] = err(F.sigmoid_cross_entropy, x, t[0])
    out['err_t_dtype'] = err(F.sigmoid_cross_entropy, x,
                             t.astype(np.float32))
    return out


def case_softmax_cross_entropy(chainer, F, np):
    t = _i(np, 0, 2, -1, 1)
    out = {}
    w = np.array([0.5, 2.0, 1.0], np.float32)
    t4 = np.array([[[0, 1], [2, -1]], [[1, 1], [0, 2]]], np.int32)
    p = np.random.RandomState(45).uniform(0.1, 1.0, (2, 3, 2))
    p = p / p.sum(axis=1, keepdims=True)
    # (the other options: cases/functions_basic)
    sweep(chainer, np, out, [
        ('double',
         lambda x: F.softmax_cross_entropy(x, t,
                                           enable_double_backprop=True),
         [(4, 3)]),
        ('no_cache',
         lambda x: F.softmax_cross_entropy(x, t, cache_score=False),
         [(4, 3)]),
        ('weight_ignore_no_normalize',
         lambda x: F.softmax_cross_entropy(x, t, class_weight=w.astype(
             x.dtype), normalize=False), [(4, 3)]),
        ('spatial_4d_no',
         lambda x: F.softmax_cross_entropy(x, t4, reduce='no'),
         [(2, 3, 2, 2)]),
        ('soft_spatial',
         lambda x: F.softmax_cross_entropy(x, p.astype(x.dtype)),
         [(2, 3, 2)]),
        ('soft_kl_no',
         lambda x: F.softmax_cross_entropy(
             x, p.astype(x.dtype), soft_target_loss='kl-divergence',
             reduce='no'), [(2, 3, 2)])], 41, low=-2, high=2)
    check(chainer, np, out, 'double',
          lambda x: F.softmax_cross_entropy(x, t,
                                            enable_double_backprop=True),
          [(4, 3)], 41, low=-2, high=2, dtypes=(), double=F64)
    x = np.zeros((4, 3), np.float32)
    out['err_t_shape'] = err(F.softmax_cross_entropy, x, t[:2])
    out['err_x_dtype'] = err(F.softmax_cross_entropy, x.astype(np.int32), t)
    out['err_weight_shape'] = err(F.softmax_cross_entropy, x, t,
                                  class_weight=np.ones((2,), np.float32))
    out['err_soft_shape'] = err(F.softmax_cross_entropy, x,
                                np.zeros((4, 2), np.float32))
    return out


def case_squared_difference(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.squared_difference,
                [(2, 3), (2, 3)], 48)
    check(chainer, np, out, 'base', F.squared_difference, [(2, 3), (2, 3)],
          48, dtypes=(), double=F64)
    out['err_shape'] = err(F.squared_difference,
                           np.zeros((2, 3), np.float32),
                           np.zeros((3,), np.float32))
    return out


def case_squared_error(chainer, F, np):
    out = check(chainer, np, {}, 'base', F.squared_error, [(2, 3), (2, 3)],
                49)
    out['err_dtype'] = err(F.squared_error, np.zeros((2,), np.float32),
                           np.zeros((2,), np.float64))
    return out


def case_triplet(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('mean', F.triplet, [(3, 2), (3, 2), (3, 2)]),
        ('margin_no',
         lambda a, p, n: F.triplet(a, p, n, margin=1.0, reduce='no'),
         [(3, 2), (3, 2), (3, 2)])], 50)
    check(chainer, np, out, 'mean', F.triplet, [(3, 2), (3, 2), (3, 2)], 50,
          dtypes=(), double=F64)
    x = np.zeros((3, 2), np.float32)
    out['err_margin'] = err(F.triplet, x, x, x, margin=0.0)
    out['err_reduce'] = err(F.triplet, x, x, x, reduce='sum')
    out['err_shape'] = err(F.triplet, x, x, x[:2])
    return out


def case_bernoulli_nll(chainer, F, np):
    xs = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
    out = {}
    sweep(chainer, np, out, [
        ('sum', F.bernoulli_nll, [xs, (2, 3)]),
        ('no', lambda x, y: F.bernoulli_nll(x, y, reduce='no'),
         [xs, (2, 3)])], 52, low=-3, high=3)
    z = np.zeros((2, 3), np.float32)
    out['err_reduce'] = err(F.bernoulli_nll, z, z, reduce='mean')
    return out


def case_gaussian_kl_divergence(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('sum', F.gaussian_kl_divergence, [(2, 3), (2, 3)]),
        ('mean', lambda m, v: F.gaussian_kl_divergence(m, v, reduce='mean'),
         [(2, 3), (2, 3)]),
        ('no', lambda m, v: F.gaussian_kl_divergence(m, v, reduce='no'),
         [(2, 3), (2, 3)])], 54)
    check(chainer, np, out, 'sum', F.gaussian_kl_divergence,
          [(2, 3), (2, 3)], 54, dtypes=(), double=F64)
    z = np.zeros((2, 3), np.float32)
    out['err_reduce'] = err(F.gaussian_kl_divergence, z, z, reduce='max')
    return out


def case_gaussian_nll(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('sum', F.gaussian_nll, [(2, 3), (2, 3), (2, 3)]),
        ('no', lambda x, m, v: F.gaussian_nll(x, m, v, reduce='no'),
         [(2, 3), (2, 3), (2, 3)])], 57)
    z = np.zeros((2, 3), np.float32)
    out['err_reduce'] = err(F.gaussian_nll, z, z, z, reduce='mean')
    return out
