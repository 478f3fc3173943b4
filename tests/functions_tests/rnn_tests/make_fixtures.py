"""Generates fixtures.npz with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/functions_tests/rnn_tests/make_fixtures.py

For each case ``<name>``: inputs ``<name>/x<i>``, outputs ``<name>/y<j>``,
output gradients ``<name>/gy<j>`` and input gradients ``<name>/gx<i>``.
"""
import os

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')
rs = numpy.random.RandomState(0)


def run(store, name, func, inputs):
    vs = [chainer.Variable(a) for a in inputs]
    ys = func(*vs)
    gys = []
    for j, y in enumerate(ys):
        gy = rs.uniform(-1, 1, y.shape).astype(y.dtype)
        store['{}/y{}'.format(name, j)] = y.array
        store['{}/gy{}'.format(name, j)] = gy
        gys.append(chainer.Variable(gy.copy()))
    chainer.backward(list(ys), gys)
    for i, (a, v) in enumerate(zip(inputs, vs)):
        store['{}/x{}'.format(name, i)] = a
        if v.grad is not None:
            store['{}/gx{}'.format(name, i)] = v.grad


def u(shape, dtype=numpy.float64):
    return rs.uniform(-1, 1, shape).astype(dtype)


def main():
    store = {}
    for d in ('float64', 'float32', 'float16'):
        run(store, 'lstm_' + d, F.lstm, [u((3, 2), d), u((3, 8), d)])
    run(store, 'lstm_batch', F.lstm, [u((4, 2, 3)), u((2, 8, 3))])
    run(store, 'slstm', F.slstm, [u((3, 2)), u((3, 2)), u((3, 8)),
                                  u((3, 8))])
    run(store, 'tree_lstm2', F.tree_lstm, [u((3, 2)), u((3, 2)),
                                           u((3, 10))])
    run(store, 'tree_lstm1', F.tree_lstm, [u((2, 3)), u((2, 12))])
    numpy.savez_compressed(OUT, **store)


if __name__ == '__main__':
    main()
