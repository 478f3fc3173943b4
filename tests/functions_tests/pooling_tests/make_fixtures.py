"""Generates fixtures.npz for the pooling function tests with real Chainer
7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \\
        tests/functions_tests/pooling_tests/make_fixtures.py

For each case ``<name>`` it stores the inputs ``<name>/x0, x1, ...``, the
keyword options ``<name>/kwargs`` (JSON), the output ``<name>/y``, the
upstream gradient ``<name>/gy``, the input gradients ``<name>/gx<i>`` that
Chainer's backward computes and, for max pooling with ``return_indices``,
``<name>/indexes``. Inputs come from fixed RandomState seeds; max pooling
inputs are distinct values (except in the ``ties`` cases) so that the
numerical gradient checks are well defined.
"""
import json
import os

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')

DTYPES = (numpy.float32, numpy.float64)


def run(store, name, func, inputs, kwargs, extra=None):
    rs = numpy.random.RandomState(len(store) % 1000 + 1)
    vs = [chainer.Variable(a) if a.dtype.kind == 'f' else a for a in inputs]
    y = func(*vs, **kwargs)
    if isinstance(y, tuple):   # return_indices
        y, indexes = y
        store[name + '/indexes'] = numpy.asarray(indexes)
    gy = rs.uniform(-1, 1, y.shape).astype(y.dtype)
    y.grad = gy.copy()  # Chainer may modify the gradient in place
    y.backward()
    assert name + '/y' not in store, name
    store[name + '/kwargs'] = numpy.array(json.dumps(kwargs))
    store[name + '/y'] = y.array
    store[name + '/gy'] = gy
    for i, (a, v) in enumerate(zip(inputs, vs)):
        store['{}/x{}'.format(name, i)] = a
        if isinstance(v, chainer.Variable) and v.grad is not None:
            store['{}/gx{}'.format(name, i)] = v.grad


def uniform(seed, shape, dtype, lo=-1, hi=1):
    return numpy.random.RandomState(seed).uniform(lo, hi, shape).astype(dtype)


def distinct(seed, shape, dtype):
    """Distinct values 0.1 apart, in random order."""
    size = int(numpy.prod(shape))
    v = numpy.random.RandomState(seed).permutation(size) * 0.1 - size * 0.05
    return v.reshape(shape).astype(dtype)


def grid(store, fname, func, cases, dtypes, make=uniform):
    for dtype in dtypes:
        d = numpy.dtype(dtype).name
        for suffix, x_shape, kwargs in cases:
            x = make(1, x_shape, dtype)
            run(store, '{}_{}_{}'.format(fname, suffix, d), func, [x],
                kwargs)


def main():
    store = {}

    # max pooling
    grid(store, 'max_pooling_2d', F.max_pooling_2d, [
        ('k3s2p1', (2, 3, 5, 5), {'ksize': 3, 'stride': 2, 'pad': 1}),
        ('k2', (2, 3, 5, 5), {'ksize': 2}),
        ('k2nocover', (2, 3, 5, 5), {'ksize': 2, 'cover_all': False}),
        ('rect', (2, 3, 5, 4), {'ksize': (3, 2), 'stride': (2, 1),
                                'pad': (1, 0)}),
        ('indices', (2, 3, 5, 5), {'ksize': 3, 'stride': 2, 'pad': 1,
                                   'return_indices': True}),
    ], DTYPES, make=distinct)
    grid(store, 'max_pooling_2d', F.max_pooling_2d, [
        ('k3s2p1', (2, 3, 5, 5), {'ksize': 3, 'stride': 2, 'pad': 1}),
    ], (numpy.float16,), make=distinct)
    for dtype in DTYPES:
        d = numpy.dtype(dtype).name
        # ties: small integers, with overlapping windows (stride < ksize)
        x = numpy.random.RandomState(5).randint(0, 3, (2, 2, 5, 5)).astype(
            dtype)
        run(store, 'max_pooling_2d_ties_' + d, F.max_pooling_2d, [x],
            {'ksize': 3, 'stride': 1, 'pad': 1, 'return_indices': True})
        x = numpy.zeros((1, 2, 4, 4), dtype)
        run(store, 'max_pooling_2d_tiesflat_' + d, F.max_pooling_2d, [x],
            {'ksize': 2, 'stride': 2, 'return_indices': True})
    grid(store, 'max_pooling_nd1', F.max_pooling_1d, [
        ('k3s2p1', (2, 3, 7), {'ksize': 3, 'stride': 2, 'pad': 1}),
        ('nocover', (2, 3, 7), {'ksize': 2, 'cover_all': False}),
    ], DTYPES, make=distinct)
    grid(store, 'max_pooling_nd3', F.max_pooling_3d, [
        ('k2', (1, 2, 3, 4, 3), {'ksize': 2}),
        ('opts', (1, 2, 3, 4, 3), {'ksize': (2, 3, 2), 'stride': (1, 2, 2),
                                   'pad': (1, 1, 0)}),
    ], DTYPES, make=distinct)

    # average pooling
    grid(store, 'average_pooling_2d', F.average_pooling_2d, [
        ('k3s2p1', (2, 3, 5, 5), {'ksize': 3, 'stride': 2, 'pad': 1}),
        ('k2', (2, 3, 5, 5), {'ksize': 2}),
        ('rect', (2, 3, 5, 4), {'ksize': (3, 2), 'stride': (2, 1),
                                'pad': (1, 1)}),
    ], DTYPES)
    grid(store, 'average_pooling_2d', F.average_pooling_2d, [
        ('k3s2p1', (2, 3, 5, 5), {'ksize': 3, 'stride': 2, 'pad': 1}),
    ], (numpy.float16,))
    grid(store, 'average_pooling_nd1', F.average_pooling_1d, [
        ('pad0', (2, 3, 7), {'ksize': 3, 'stride': 2, 'pad': 1}),
        ('padnone', (2, 3, 7), {'ksize': 3, 'stride': 2, 'pad': 1,
                                'pad_value': None}),
    ], DTYPES)
    grid(store, 'average_pooling_nd2', F.average_pooling_nd, [
        ('padnone', (2, 3, 5, 4), {'ksize': (3, 2), 'stride': (2, 1),
                                   'pad': 1, 'pad_value': None}),
    ], DTYPES)
    grid(store, 'average_pooling_nd3', F.average_pooling_3d, [
        ('k2', (1, 2, 3, 4, 3), {'ksize': 2}),
        ('padnone', (1, 2, 3, 4, 3), {'ksize': (2, 3, 2), 'stride': 2,
                                      'pad': (1, 1, 0), 'pad_value': None}),
    ], DTYPES)

    # unpooling
    grid(store, 'unpooling_2d', F.unpooling_2d, [
        ('k2', (2, 3, 3, 3), {'ksize': 2}),
        ('k2nocover', (2, 3, 3, 3), {'ksize': 2, 'cover_all': False}),
        ('k2p2nocover', (2, 3, 4, 4), {'ksize': 2, 'pad': 2,
                                       'cover_all': False}),
        ('k3s2p1', (2, 3, 3, 3), {'ksize': 3, 'stride': 2, 'pad': 1}),
        ('outsize', (2, 3, 3, 3), {'ksize': (3, 2), 'stride': 2, 'pad': 1,
                                   'outsize': (5, 4)}),
    ], DTYPES)
    grid(store, 'unpooling_nd1', F.unpooling_1d, [
        ('k3s2p1', (2, 3, 4), {'ksize': 3, 'stride': 2, 'pad': 1}),
    ], DTYPES)
    grid(store, 'unpooling_nd3', F.unpooling_3d, [
        ('k2', (1, 2, 2, 3, 2), {'ksize': 2, 'cover_all': False}),
        ('opts', (1, 2, 2, 3, 2), {'ksize': (2, 3, 2), 'stride': 2,
                                   'pad': (0, 1, 0)}),
    ], DTYPES)

    # upsampling (indexes from Chainer's max pooling)
    for dtype in DTYPES:
        d = numpy.dtype(dtype).name
        for suffix, kwargs in [
                ('k2', {'ksize': 2}),
                ('k3s2p1', {'ksize': 3, 'stride': 2, 'pad': 1}),
                ('nocover', {'ksize': 2, 'cover_all': False}),
                ('outsize', {'ksize': 3, 'stride': 2, 'pad': 1,
                             'outsize': (5, 5)})]:
            pool_kwargs = {k: v for k, v in kwargs.items()
                           if k != 'outsize'}
            src = distinct(7, (2, 3, 5, 5), dtype)
            _, indexes = F.max_pooling_2d(src, return_indices=True,
                                          **pool_kwargs)
            indexes = numpy.asarray(indexes)
            x = uniform(8, indexes.shape, dtype)
            run(store, 'upsampling_2d_{}_{}'.format(suffix, d),
                F.upsampling_2d, [x, indexes], kwargs)

    # spatial pyramid pooling
    grid(store, 'spatial_pyramid_pooling_2d', F.spatial_pyramid_pooling_2d, [
        ('h3', (2, 3, 7, 6), {'pyramid_height': 3, 'pooling': 'max'}),
        ('h2', (2, 2, 4, 5), {'pyramid_height': 2, 'pooling': 'max'}),
    ], DTYPES, make=distinct)

    # roi_pooling_2d: rois (batch index, x_min, y_min, x_max, y_max)
    for dtype in DTYPES:
        d = numpy.dtype(dtype).name
        x = distinct(1, (2, 3, 6, 7), dtype)
        rois = numpy.array([[0, 1, 1, 5, 4], [1, 0, 2, 6, 5],
                            [1, 3, 0, 3, 0], [0, 2.4, 1.6, 9, 8]], dtype)
        run(store, 'roi_pooling_2d_s1_' + d, F.roi_pooling_2d, [x, rois],
            {'outh': 3, 'outw': 2, 'spatial_scale': 1.0})
        run(store, 'roi_pooling_2d_s06_' + d, F.roi_pooling_2d, [x, rois],
            {'outh': 2, 'outw': 4, 'spatial_scale': 0.6})

    numpy.savez_compressed(OUT, **store)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
