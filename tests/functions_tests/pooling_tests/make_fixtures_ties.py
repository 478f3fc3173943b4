"""Generates fixtures_ties.npz (max pooling on tied inputs) with real
Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \
        tests/functions_tests/pooling_tests/make_fixtures_ties.py

Chainer sends the gradient of each window to its first maximum (row-major
order within the window, ``-inf`` padding included), so on tied inputs the
gradient depends on that rule alone. For each case ``<name>`` it stores the
input ``<name>/x``, the keyword options ``<name>/kwargs`` (JSON), the output
``<name>/y``, the indexes returned with ``return_indices=True``
``<name>/indexes``, an upstream gradient ``<name>/gy``, Chainer's input
gradient ``<name>/gx``, a gradient ``<name>/ggx`` for ``gx`` and Chainer's
double backward ``<name>/ggy`` (the gradient of ``sum(gx * ggx)`` with
respect to ``gy``). Inputs are all equal, small integers or partly
``-inf``; the gradients are small integers, so that every result is exact
in float16 too.
"""
import json
import os

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures_ties.npz')

def zeros(rs, shape):
    return numpy.zeros(shape)


def small_ints(rs, shape):
    return rs.randint(0, 3, shape).astype(numpy.float64)


def some_neginf(rs, shape):
    x = rs.randint(0, 2, shape).astype(numpy.float64)
    x[rs.uniform(size=shape) < 0.6] = -numpy.inf
    return x


F16, F32, F64 = numpy.float16, numpy.float32, numpy.float64
ALL = (F16, F32, F64)

# (name, function, input maker, input shape, keyword options, dtypes);
# every dtype runs on the two main cases, the others run one dtype each.
CASES = [
    ('2d_flat_k3s2p1', F.max_pooling_2d, zeros, (1, 2, 5, 5),
     {'ksize': 3, 'stride': 2, 'pad': 1}, ALL),
    ('2d_flat_k3s2p1nocover', F.max_pooling_2d, zeros, (1, 2, 6, 6),
     {'ksize': 3, 'stride': 2, 'pad': 1, 'cover_all': False}, (F32,)),
    ('2d_flat_k3s2', F.max_pooling_2d, zeros, (1, 2, 6, 6),
     {'ksize': 3, 'stride': 2}, (F64,)),
    ('2d_flat_k3s2nocover', F.max_pooling_2d, zeros, (1, 2, 6, 6),
     {'ksize': 3, 'stride': 2, 'cover_all': False}, (F16,)),
    ('2d_flat_k2s2', F.max_pooling_2d, zeros, (1, 2, 5, 5),
     {'ksize': 2, 'stride': 2}, (F32,)),
    ('2d_flat_k2s2p1', F.max_pooling_2d, zeros, (1, 2, 4, 4),
     {'ksize': 2, 'stride': 2, 'pad': 1}, (F64,)),
    ('2d_ints_k3s2p1', F.max_pooling_2d, small_ints, (2, 2, 7, 6),
     {'ksize': 3, 'stride': 2, 'pad': 1}, ALL),
    ('2d_ints_k3s2nocover', F.max_pooling_2d, small_ints, (2, 2, 7, 6),
     {'ksize': 3, 'stride': 2, 'cover_all': False}, (F32,)),
    ('2d_ints_rect', F.max_pooling_2d, small_ints, (1, 2, 6, 5),
     {'ksize': (3, 2), 'stride': (1, 2), 'pad': (1, 1)}, (F64,)),
    ('2d_neginf_k3s2p1', F.max_pooling_2d, some_neginf, (1, 2, 6, 6),
     {'ksize': 3, 'stride': 2, 'pad': 1}, (F32,)),
    ('1d_ints_k3s2p1', F.max_pooling_1d, small_ints, (2, 2, 9),
     {'ksize': 3, 'stride': 2, 'pad': 1}, (F16,)),
    ('1d_flat_k2nocover', F.max_pooling_1d, zeros, (1, 2, 7),
     {'ksize': 2, 'cover_all': False}, (F64,)),
    ('3d_ints_k3s2p1', F.max_pooling_3d, small_ints, (1, 2, 5, 4, 5),
     {'ksize': 3, 'stride': 2, 'pad': 1}, (F32,)),
    ('3d_flat_k2', F.max_pooling_3d, zeros, (1, 1, 3, 4, 3),
     {'ksize': 2}, (F16,)),
]


def run(store, name, func, x, kwargs, rs):
    _, indexes = func(x, return_indices=True, **kwargs)
    xv = chainer.Variable(x)
    y = func(xv, **kwargs)
    gy = rs.randint(1, 10, y.shape).astype(x.dtype)
    gyv = chainer.Variable(gy.copy())
    gx, = chainer.grad([y], [xv], [gyv], enable_double_backprop=True)
    ggx = rs.randint(1, 10, x.shape).astype(x.dtype)
    ggy, = chainer.grad([gx], [gyv], [chainer.Variable(ggx)])
    store[name + '/kwargs'] = numpy.array(json.dumps(kwargs))
    store[name + '/x'] = x
    store[name + '/y'] = y.array
    store[name + '/indexes'] = numpy.asarray(indexes)
    store[name + '/gy'] = gy
    store[name + '/gx'] = gx.array
    store[name + '/ggx'] = ggx
    store[name + '/ggy'] = ggy.array


def main():
    store = {}
    for i, (suffix, func, make, shape, kwargs, dtypes) in enumerate(CASES):
        for dtype in dtypes:
            rs = numpy.random.RandomState(i + 1)
            x = make(rs, shape).astype(dtype)
            name = 'max_pooling_{}_{}'.format(suffix,
                                              numpy.dtype(dtype).name)
            run(store, name, func, x, kwargs, rs)
    tmp = OUT + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
