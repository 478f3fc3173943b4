"""Generates fixtures_sparse.npz for test_sparse.py with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/utils_tests/make_fixtures_sparse.py

For each case ``<name>`` it stores the dense input ``<name>/x``, the
``ldnz`` option ``<name>/ldnz`` (-1 for None) and what
``chainer.utils.to_coo`` returns: ``data``, ``row``, ``col``, ``shape``,
``order``, and ``CooMatrix.to_dense()`` as ``dense``. The ``order_*`` cases
store ``row``, ``col`` and the result of ``get_order`` (or the name of the
error it raises).
"""
import os

import numpy

from chainer import utils

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures_sparse.npz')


def sparse_dense(rs, shape, dtype):
    x = rs.uniform(-1, 1, shape)
    x[rs.uniform(size=shape) < 0.6] = 0
    return x.astype(dtype)


def main():
    store = {}
    rs = numpy.random.RandomState(0)
    inputs = [
        ('2d', sparse_dense(rs, (4, 5), numpy.float32), None),
        ('2d_ldnz', sparse_dense(rs, (4, 5), numpy.float64), 30),
        ('2d_small_ldnz', sparse_dense(rs, (3, 3), numpy.float16), 1),
        ('2d_zeros', numpy.zeros((2, 3), numpy.float32), None),
        ('3d', sparse_dense(rs, (3, 4, 2), numpy.float32), None),
        ('3d_ldnz', sparse_dense(rs, (2, 3, 3), numpy.float32), 8),
        ('3d_zeros', numpy.zeros((2, 2, 3), numpy.float32), None),
    ]
    for name, x, ldnz in inputs:
        coo = utils.to_coo(x, ldnz=ldnz)
        p = 'to_coo_' + name + '/'
        store[p + 'x'] = x
        store[p + 'ldnz'] = numpy.array(-1 if ldnz is None else ldnz)
        store[p + 'data'] = coo.data.array
        store[p + 'row'] = coo.row
        store[p + 'col'] = coo.col
        store[p + 'shape'] = numpy.array(coo.shape)
        store[p + 'order'] = numpy.array(coo.order)
        store[p + 'dense'] = coo.to_dense()

    orders = [
        ('c', [0, 0, 1, 2, 2], [1, 3, 0, 0, 2]),
        ('f', [1, 0, 2, 0, 1], [0, 1, 1, 2, 2]),
        ('other', [1, 0, 2], [0, 1, 0]),
        ('padded', [0, 1, -1, -1], [2, 0, -1, -1]),
        ('single', [3], [1]),
        ('batch', [[0, 1, -1], [1, 0, 0]], [[0, 0, -1], [0, 1, 2]]),
        ('bad', [0, -1, 1], [0, 2, 1]),
    ]
    for name, row, col in orders:
        row = numpy.array(row, numpy.int32)
        col = numpy.array(col, numpy.int32)
        try:
            result = utils.get_order(row, col)
        except ValueError:
            result = 'ValueError'
        p = 'order_' + name + '/'
        store[p + 'row'] = row
        store[p + 'col'] = col
        store[p + 'result'] = numpy.array(result)

    tmp = OUT + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
