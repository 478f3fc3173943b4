"""Generates fixtures_sparse_matmul.npz for test_sparse_matmul.py with real
Chainer 7.8.1.

Chainer's CPU sparse_matmul needs SciPy (``tox -e reference`` installs it;
SciPy 1.13 works with Chainer's NumPy 1.26). Run with the reference
environment, from the repository root::

    python tools/regenerate_fixtures.py make_fixtures_sparse_matmul

or directly, with SciPy installed beside a reference environment lacking
it::

    /work/refvenv/bin/python -m pip install --no-deps --target /tmp/refscipy \
        scipy==1.13.1
    PYTHONPATH=/tmp/refscipy /work/refvenv/bin/python \
        tests/functions_tests/math_tests/make_fixtures_sparse_matmul.py

For each case ``<name>`` it stores the sparse operand as Chainer's
``to_coo`` makes it (``<name>/data``, ``row``, ``col``, ``shape``), the dense
operand ``<name>/dense``, the options ``<name>/kwargs`` (JSON: ``transa``,
``transb`` and ``side``, ``'a'`` when the sparse matrix is the left
operand), the output ``y``, the upstream gradient ``gy`` and Chainer's
gradients ``gdata`` (of the sparse entries) and ``gdense``.
"""
import json
import os

import numpy

import chainer
import chainer.functions as F
from chainer import utils

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures_sparse_matmul.npz')


def sparse_dense(rs, shape, dtype):
    """A random array with about half of its entries zero."""
    x = rs.uniform(-1, 1, shape)
    x[rs.uniform(size=shape) < 0.5] = 0
    return x.astype(dtype)


def run(store, name, sp_dense, dense, transa, transb, side, ldnz=None):
    rs = numpy.random.RandomState(len(store) % 1000 + 1)
    sp = utils.to_coo(sp_dense, ldnz=ldnz, requires_grad=True)
    dv = chainer.Variable(dense)
    if side == 'a':
        y = F.sparse_matmul(sp, dv, transa=transa, transb=transb)
    else:
        y = F.sparse_matmul(dv, sp, transa=transa, transb=transb)
    gy = rs.uniform(-1, 1, y.shape).astype(y.dtype)
    y.grad = gy.copy()
    y.backward()
    assert name + '/y' not in store, name
    store[name + '/kwargs'] = numpy.array(json.dumps(
        {'transa': transa, 'transb': transb, 'side': side}))
    store[name + '/data'] = sp.data.array
    store[name + '/row'] = sp.row
    store[name + '/col'] = sp.col
    store[name + '/shape'] = numpy.array(sp.shape)
    store[name + '/dense'] = dense
    store[name + '/y'] = y.array
    store[name + '/gy'] = gy
    store[name + '/gdata'] = sp.data.grad
    store[name + '/gdense'] = dv.grad


def main():
    store = {}
    rs = numpy.random.RandomState(0)
    m, k, n, nb = 3, 4, 2, 2
    for dtype in (numpy.float16, numpy.float32, numpy.float64):
        d = numpy.dtype(dtype).name
        run(store, 'a_2d_' + d, sparse_dense(rs, (m, k), dtype),
            rs.uniform(-1, 1, (k, n)).astype(dtype), False, False, 'a')
        if dtype != numpy.float16:
            run(store, 'b_3d_' + d, sparse_dense(rs, (nb, k, n), dtype),
                rs.uniform(-1, 1, (nb, m, k)).astype(dtype), False, False,
                'b', ldnz=7)
    f32 = numpy.float32
    # transposes: both of a sparse left operand (single and batched), one
    # with a sparse right operand
    sa, db = (k, m), (n, k)
    run(store, 'a_2d_T11_float32', sparse_dense(rs, sa, f32),
        rs.uniform(-1, 1, db).astype(f32), True, True, 'a')
    run(store, 'a_3d_T11_float32', sparse_dense(rs, (nb,) + sa, f32),
        rs.uniform(-1, 1, (nb,) + db).astype(f32), True, True, 'a', ldnz=9)
    run(store, 'b_2d_T01_float32', sparse_dense(rs, (n, k), f32),
        rs.uniform(-1, 1, (m, k)).astype(f32), False, True, 'b')
    # mixed dtypes: the output has the promoted dtype
    run(store, 'a_2d_mixed_float32', sparse_dense(rs, (m, k), numpy.float16),
        rs.uniform(-1, 1, (k, n)).astype(f32), False, False, 'a')

    tmp = OUT + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
