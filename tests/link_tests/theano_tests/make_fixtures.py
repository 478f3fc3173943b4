"""Generates fixtures.npz for the TheanoFunction tests with real Chainer
7.8.1 and Theano 1.0.5.

Theano 1.0.5 imports only with NumPy < 1.24, so this needs a copy of the
reference environment with ``numpy==1.23.5 theano==1.0.5`` installed (not
the reference environment itself). Run from the repository root::

    cp -a /work/refvenv /tmp/refvenv_theano
    /tmp/refvenv_theano/bin/python -m pip install numpy==1.23.5 theano==1.0.5
    THEANO_FLAGS=blas.ldflags= /tmp/refvenv_theano/bin/python \
        tests/link_tests/theano_tests/make_fixtures.py

(``blas.ldflags=`` because Theano cannot read NumPy 1.23's BLAS
configuration.) For each case it stores the inputs ``<case>/x<i>``, the
outputs ``<case>/y<j>``, the upstream gradients ``<case>/gy<j>`` and the
input gradients ``<case>/gx<i>`` (absent where Chainer gives None).
"""
import os
import sys

import numpy

import chainer
import chainer.links as L

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import _graphs  # NOQA

OUT = os.path.join(HERE, 'fixtures.npz')


def run(store, name, dtype, shape):
    key = _graphs.case_name(name, dtype, shape)
    ins, outs = _graphs.GRAPHS[name](dtype, len(shape))
    link = L.TheanoFunction(ins, outs)
    xs = _graphs.inputs(name, dtype, shape)
    vs = [chainer.Variable(x) for x in xs]
    ys = link(*vs)
    if not isinstance(ys, tuple):
        ys = ys,
    rs = numpy.random.RandomState(2)
    gys = [rs.uniform(-1, 1, y.shape).astype(y.dtype) for y in ys]
    for y, gy in zip(ys, gys):
        y.grad = gy.copy()
    chainer.backward(list(ys), [y.grad_var for y in ys])
    for i, (x, v) in enumerate(zip(xs, vs)):
        store['{}/x{}'.format(key, i)] = x
        if v.grad is not None:
            store['{}/gx{}'.format(key, i)] = v.grad
    for j, (y, gy) in enumerate(zip(ys, gys)):
        store['{}/y{}'.format(key, j)] = y.array
        store['{}/gy{}'.format(key, j)] = gy


def main():
    store = {}
    for name, dtype, shape in _graphs.CASES:
        run(store, name, dtype, shape)
    tmp = OUT + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
