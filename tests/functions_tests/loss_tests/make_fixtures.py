"""Generates fixtures.npz with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/functions_tests/loss_tests/make_fixtures.py

For each case ``<name>`` it stores the inputs ``<name>/x<i>`` (float inputs
are differentiated, int ones are labels), the outputs ``<name>/y<j>``, the
output gradients ``<name>/gy<j>`` and the input gradients ``<name>/gx<i>``.
"""
import os
import warnings

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')
rs = numpy.random.RandomState(0)


def run(store, name, func, inputs):
    vs = [chainer.Variable(a) if a.dtype.kind == 'f' else a for a in inputs]
    ys = func(*vs)
    if not isinstance(ys, (tuple, list)):
        ys = (ys,)
    for j, y in enumerate(ys):
        gy = rs.uniform(-1, 1, y.shape).astype(y.dtype)
        # a copy: some Chainer backwards (hinge) modify gy in place
        y.grad = gy.copy()
        store['{}/y{}'.format(name, j)] = y.array
        store['{}/gy{}'.format(name, j)] = gy
    chainer.backward(list(ys), [y.grad_var for y in ys])
    for i, (a, v) in enumerate(zip(inputs, vs)):
        store['{}/x{}'.format(name, i)] = a
        if isinstance(v, chainer.Variable) and v.grad is not None:
            store['{}/gx{}'.format(name, i)] = v.grad


def u(shape, dtype=numpy.float64, lo=-1, hi=1):
    return rs.uniform(lo, hi, shape).astype(dtype)


def main():
    store = {}
    i32 = numpy.int32
    for d in ('float64', 'float32', 'float16'):
        t = rs.randint(-1, 2, (4, 3)).astype(i32)
        run(store, 'sce_' + d, F.sigmoid_cross_entropy, [u((4, 3), d), t])
        run(store, 'sce_nonorm_' + d, lambda x, t: F.sigmoid_cross_entropy(
            x, t, normalize=False), [u((4, 3), d), t])
        run(store, 'sce_no_' + d, lambda x, t: F.sigmoid_cross_entropy(
            x, t, reduce='no'), [u((4, 3), d), t])
        run(store, 'huber_' + d, lambda x, t: F.huber_loss(x, t, 0.5),
            [u((4, 3), d, -2, 2), u((4, 3), d)])
        run(store, 'hinge_l1_' + d, F.hinge,
            [u((5, 3), d, -2, 2), rs.randint(0, 3, 5).astype(i32)])
        run(store, 'hinge_l2_' + d, lambda x, t: F.hinge(
            x, t, 'L2', 'no'),
            [u((5, 3), d, -2, 2), rs.randint(0, 3, 5).astype(i32)])
        run(store, 'contrastive_' + d, lambda a, b, y: F.contrastive(
            a, b, y, margin=1.5), [u((6, 3), d), u((6, 3), d),
                                   rs.randint(0, 2, 6).astype(i32)])
        run(store, 'triplet_' + d, F.triplet,
            [u((5, 3), d), u((5, 3), d), u((5, 3), d)])
    run(store, 'huber_no', lambda x, t: F.huber_loss(x, t, 1.0, 'no'),
        [u((4, 3), lo=-3, hi=3), u((4, 3))])
    run(store, 'contrastive_no', lambda a, b, y: F.contrastive(
        a, b, y, reduce='no'), [u((6, 3)), u((6, 3)),
                                rs.randint(0, 2, 6).astype(i32)])
    run(store, 'triplet_no', lambda a, p, n: F.triplet(
        a, p, n, margin=0.5, reduce='no'), [u((5, 3)), u((5, 3)), u((5, 3))])
    run(store, 'cross_cov', F.cross_covariance, [u((5, 3)), u((5, 2))])
    run(store, 'cross_cov_no', lambda y, z: F.cross_covariance(
        y, z, reduce='no'), [u((5, 3)), u((5, 2))])
    run(store, 'decov', F.decov, [u((5, 3))])
    run(store, 'decov_no', lambda h: F.decov(h, reduce='no'), [u((5, 3))])
    for r in ('sum', 'mean', 'no'):
        run(store, 'gkl_' + r, lambda m, v: F.gaussian_kl_divergence(
            m, v, reduce=r), [u((3, 2)), u((3, 2))])
        run(store, 'bnll_' + r, lambda x, y: F.bernoulli_nll(
            x, y, reduce=r), [u((3, 2), lo=0, hi=1), u((3, 2))])
        run(store, 'gnll_' + r, lambda x, m, v: F.gaussian_nll(
            x, m, v, reduce=r), [u((3, 2)), u((3, 2)), u((3, 2))])

    # black_out
    for r in ('mean', 'no'):
        run(store, 'black_out_' + r, lambda x, t, W, s: F.black_out(
            x, t, W, s, reduce=r),
            [u((3, 4)), rs.randint(0, 6, 3).astype(i32), u((6, 4)),
             rs.randint(0, 6, (3, 2)).astype(i32)])

    # negative_sampling with a deterministic sampler
    samples = rs.randint(0, 6, (4, 3)).astype(i32)
    for r in ('sum', 'no'):
        run(store, 'neg_' + r, lambda x, t, W: F.negative_sampling(
            x, t, W, lambda shape: samples.copy(), 2, reduce=r),
            [u((4, 5)), numpy.array([1, -1, 3, 0], i32), u((6, 5))])
    store['neg/samples'] = samples

    # crf1d (sequences of lengths 3, 3, 2, 1) and argmax_crf1d
    K = 3
    lengths = [4, 3, 1]   # batch sizes per time step
    xs = [u((b, K), lo=-2, hi=2) for b in lengths]
    ys = [rs.randint(0, K, b).astype(i32) for b in lengths]
    n = len(xs)
    for r in ('mean', 'no'):
        run(store, 'crf1d_' + r, lambda c, *a: F.crf1d(
            c, list(a[:n]), list(a[n:]), reduce=r), [u((K, K))] + xs + ys)
    cost = u((K, K))
    score, path = F.argmax_crf1d(cost, xs)
    store['argmax_crf1d/cost'] = cost
    for i, x in enumerate(xs):
        store['argmax_crf1d/x%d' % i] = x
    store['argmax_crf1d/score'] = score.array
    for i, p in enumerate(path):
        store['argmax_crf1d/path%d' % i] = numpy.asarray(p)

    # connectionist_temporal_classification
    T, B, V = 5, 3, 4
    xs = [u((B, V), lo=-2, hi=2) for _ in range(T)]
    t = numpy.array([[1, 2], [3, 3], [2, 0]], i32)
    il = numpy.array([5, 4, 3], i32)
    ll = numpy.array([2, 2, 1], i32)
    for r in ('mean', 'no'):
        run(store, 'ctc_' + r, lambda *a: F.
            connectionist_temporal_classification(
                list(a[3:]), a[2], 0, a[0], a[1], reduce=r),
            [il, ll, t] + xs)
    run(store, 'ctc_default', lambda t, *a: F.
        connectionist_temporal_classification(list(a), t, 3),
        [numpy.array([[1, 2], [0, 1], [2, 2]], i32)] + xs)
    xs32 = [x.astype(numpy.float32) for x in xs]
    run(store, 'ctc_f32', lambda *a: F.connectionist_temporal_classification(
        list(a[3:]), a[2], 0, a[0], a[1]), [il, ll, t] + xs32)

    # discriminative_margin_based_clustering_loss (N == C: Chainer's code
    # only supports N == C or N == 1)
    for norm in (1,):
        emb = u((3, 3, 4, 5), lo=-2, hi=2)
        lab = rs.randint(0, 4, (3, 4, 5)).astype(i32)
        run(store, 'dmbc_%d' % norm, lambda e, l: F.
            discriminative_margin_based_clustering_loss(
                e, l, 0.5, 1.5, 3, norm=norm, alpha=1.0, beta=0.7,
                gamma=0.01), [emb, lab])
    emb = u((1, 4, 3, 2), lo=-2, hi=2)
    lab = rs.randint(0, 5, (1, 3, 2)).astype(i32)
    run(store, 'dmbc_n1', lambda e, l: F.
        discriminative_margin_based_clustering_loss(e, l, 0.3, 1.0, 4),
        [emb, lab])

    numpy.savez_compressed(OUT, **store)


if __name__ == '__main__':
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        main()
