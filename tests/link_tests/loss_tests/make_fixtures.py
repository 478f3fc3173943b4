"""Generates fixtures.npz for the loss link tests with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/link_tests/loss_tests/make_fixtures.py

Sampling is random in both libraries (with different generators), so the
samples are fixed here: NegativeSampling's sampler is replaced by one
returning given samples, BlackOut gets ``sample_data``. For each case the
inputs, the weights, the loss and the gradients are stored; for
WalkerAlias the alias tables; for BinaryHierarchicalSoftmax the Huffman
trees (JSON) and the path tables.
"""
import json
import os

import numpy

import chainer
import chainer.links as L
from chainer.utils import walker_alias

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')
DTYPES = (numpy.float32, numpy.float64)
COUNTS = [5, 1, 2, 2, 3]


def uniform(seed, shape, dtype, lo=-1, hi=1):
    return numpy.random.RandomState(seed).uniform(lo, hi, shape).astype(dtype)


def save(store, path):
    tmp = path + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, path)


def walker_cases(store):
    for i, probs in enumerate([[1, 2, 3], [0.1, 0., 0.9],
                               numpy.power(COUNTS, 0.75), [4.] * 4]):
        sampler = walker_alias.WalkerAlias(probs)
        store['walker_{}/probs'.format(i)] = numpy.asarray(probs, 'f')
        store['walker_{}/threshold'.format(i)] = sampler.threshold
        store['walker_{}/values'.format(i)] = sampler.values


def backprop(loss, variables):
    loss.grad = numpy.ones_like(loss.array)
    loss.backward()
    return [v.grad for v in variables]


def negative_sampling_cases(store):
    for dtype in DTYPES:
        name = 'ns_' + numpy.dtype(dtype).name
        with chainer.using_config('dtype', dtype):
            link = L.NegativeSampling(3, COUNTS, 2)
        link.W.array[...] = uniform(1, (5, 3), dtype)
        link.cleargrads()
        x = uniform(2, (4, 3), dtype)
        t = numpy.array([0, 3, -1, 4], numpy.int32)
        samples = numpy.array([[0, 1, 2], [3, 3, 0], [0, 4, 1], [4, 2, 2]],
                              numpy.int32)
        link.sampler.sample = lambda shape: samples.copy()
        xv = chainer.Variable(x)
        loss = link(xv, t)
        gx, gW = backprop(loss, [xv, link.W])
        loss_no = link(x, t, reduce='no')
        store.update({
            name + '/x': x, name + '/t': t, name + '/W': link.W.array.copy(),
            name + '/samples': samples, name + '/loss': loss.array,
            name + '/loss_no': loss_no.array, name + '/gx': gx,
            name + '/gW': gW,
            name + '/threshold': link.sampler.threshold,
            name + '/values': link.sampler.values,
        })


def black_out_cases(store):
    for dtype in DTYPES:
        name = 'bo_' + numpy.dtype(dtype).name
        with chainer.using_config('dtype', dtype):
            link = L.BlackOut(3, COUNTS, 2)
        link.W.array[...] = uniform(1, (5, 3), dtype)
        link.cleargrads()
        x = uniform(2, (4, 3), dtype)
        t = numpy.array([0, 3, 1, 4], numpy.int32)
        samples = numpy.array([[1, 2], [3, 0], [2, 4], [0, 1]], numpy.int32)
        link.sample_data = samples
        xv = chainer.Variable(x)
        loss = link(xv, t)
        gx, gW = backprop(loss, [xv, link.W])
        store.update({
            name + '/x': x, name + '/t': t, name + '/W': link.W.array.copy(),
            name + '/samples': samples, name + '/loss': loss.array,
            name + '/gx': gx, name + '/gW': gW,
        })


def crf1d_cases(store):
    lengths = (2, 4, 3)
    for dtype in DTYPES:
        name = 'crf_' + numpy.dtype(dtype).name
        cost = uniform(1, (3, 3), dtype)
        with chainer.using_config('dtype', dtype):
            link = L.CRF1d(3, initial_cost=cost)
        link.cleargrads()
        # batch-major sequences (any order of lengths)
        seqs = [uniform(10 + i, (n, 3), dtype, -2, 2)
                for i, n in enumerate(lengths)]
        labels = [numpy.random.RandomState(20 + i).randint(
            0, 3, n).astype(numpy.int32) for i, n in enumerate(lengths)]
        # time-major: sorted by decreasing length, then transposed
        order = numpy.argsort([-n for n in lengths], kind='stable')
        tx = [numpy.stack([seqs[j][t] for j in order if lengths[j] > t])
              for t in range(max(lengths))]
        ty = [numpy.array([labels[j][t] for j in order if lengths[j] > t],
                          numpy.int32) for t in range(max(lengths))]
        xvs = [chainer.Variable(a) for a in tx]
        loss = link(xvs, ty)
        grads = backprop(loss, xvs + [link.cost])
        loss_no = link(tx, ty, reduce='no')
        seq_vs = [chainer.Variable(a) for a in seqs]
        loss_tr = link(seq_vs, labels, transpose=True)
        link.cleargrads()
        grads_tr = backprop(loss_tr, seq_vs + [link.cost])
        score, path = link.argmax(tx)
        score_tr, path_tr = link.argmax(seqs, transpose=True)
        store.update({
            name + '/cost': cost, name + '/loss': loss.array,
            name + '/loss_no': loss_no.array, name + '/gcost': grads[-1],
            name + '/loss_tr': loss_tr.array, name + '/gcost_tr':
                grads_tr[-1],
            name + '/score': score.array, name + '/score_tr': score_tr.array,
        })
        for i in range(len(tx)):
            store['{}/tx{}'.format(name, i)] = tx[i]
            store['{}/ty{}'.format(name, i)] = ty[i]
            store['{}/gtx{}'.format(name, i)] = grads[i]
            store['{}/path{}'.format(name, i)] = numpy.asarray(path[i])
        for i in range(len(seqs)):
            store['{}/seq{}'.format(name, i)] = seqs[i]
            store['{}/label{}'.format(name, i)] = labels[i]
            store['{}/gseq{}'.format(name, i)] = grads_tr[i]
            store['{}/path_tr{}'.format(name, i)] = numpy.asarray(
                path_tr[i])


def hsm_cases(store):
    word_counts = [{0: 8, 1: 5, 2: 6, 3: 4},
                   {0: 3, 1: 3, 2: 3, 3: 3, 4: 3},
                   {'a': 1, 'b': 10, 'c': 2}, {7: 1}]
    trees = [L.BinaryHierarchicalSoftmax.create_huffman_tree(wc)
             for wc in word_counts]
    store['hsm_trees/word_counts'] = numpy.array(json.dumps(
        [sorted(wc.items()) for wc in word_counts]))
    store['hsm_trees/trees'] = numpy.array(json.dumps(trees))
    tree = L.BinaryHierarchicalSoftmax.create_huffman_tree(
        {0: 8, 1: 5, 2: 6, 3: 4, 4: 1})
    for dtype in DTYPES:
        name = 'hsm_' + numpy.dtype(dtype).name
        with chainer.using_config('dtype', dtype):
            link = L.BinaryHierarchicalSoftmax(3, tree)
        link.W.array[...] = uniform(1, link.W.shape, dtype)
        link.cleargrads()
        x = uniform(2, (4, 3), dtype)
        t = numpy.array([0, 4, 2, 4], numpy.int32)
        xv = chainer.Variable(x)
        loss = link(xv, t)
        gx, gW = backprop(loss, [xv, link.W])
        store.update({
            name + '/tree': numpy.array(json.dumps(tree)),
            name + '/x': x, name + '/t': t, name + '/W': link.W.array.copy(),
            name + '/loss': loss.array, name + '/gx': gx, name + '/gW': gW,
            name + '/paths': link._func.paths,
            name + '/codes': link._func.codes,
            name + '/begins': link._func.begins,
        })


def main():
    store = {}
    walker_cases(store)
    negative_sampling_cases(store)
    black_out_cases(store)
    crf1d_cases(store)
    hsm_cases(store)
    save(store, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
