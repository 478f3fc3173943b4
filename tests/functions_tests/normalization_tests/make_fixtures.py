"""Generates fixtures.npz with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \\
        tests/functions_tests/normalization_tests/make_fixtures.py

For each case ``<name>`` it stores the inputs ``<name>/x<i>``, the output
``<name>/y``, the output gradient ``<name>/gy``, the input gradients
``<name>/gx<i>`` and, where the function updates running statistics in
place, their values afterwards ``<name>/stat<i>``.
"""
import os
import warnings

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')


def run(store, name, func, inputs, stats=()):
    vs = [chainer.Variable(a) for a in inputs]
    y = func(*vs)
    gy = numpy.random.uniform(-1, 1, y.shape).astype(y.dtype)
    y.grad = gy
    y.backward()
    store[name + '/y'] = y.array
    store[name + '/gy'] = gy
    for i, (a, v) in enumerate(zip(inputs, vs)):
        store['{}/x{}'.format(name, i)] = a
        if v.grad is not None:
            store['{}/gx{}'.format(name, i)] = v.grad
    for i, s in enumerate(stats):
        store['{}/stat{}'.format(name, i)] = s


def main():
    rs = numpy.random.RandomState(0)
    store = {}

    def u(shape, dtype=numpy.float64, lo=-1, hi=1):
        return rs.uniform(lo, hi, shape).astype(dtype)

    for xd, gd in (('float64', 'float64'), ('float32', 'float32'),
                   ('float16', 'float32')):
        # batch_normalization with running statistics (default axis)
        x, g, b = u((5, 3, 2), xd), u(3, gd, .5, 1.5), u(3, gd)
        rm, rv = u(3, gd), u(3, gd, .5, 1.5)
        store['bn_%s/rm0' % xd] = rm.copy()
        store['bn_%s/rv0' % xd] = rv.copy()
        run(store, 'bn_' + xd,
            lambda x, g, b: F.batch_normalization(
                x, g, b, running_mean=rm, running_var=rv, decay=0.8),
            [x, g, b], stats=(rm, rv))

    # batch_normalization over explicit axes, gamma of 2 dims
    x, g, b = u((4, 3, 2)), u((3, 2), lo=.5, hi=1.5), u((3, 2))
    run(store, 'bn_axis', lambda x, g, b: F.batch_normalization(
        x, g, b, axis=0, eps=1e-3), [x, g, b])
    x, g, b = u((4, 3, 2)), u(2, lo=.5, hi=1.5), u(2)
    run(store, 'bn_axis01', lambda x, g, b: F.batch_normalization(
        x, g, b, axis=(0, 1)), [x, g, b])

    # fixed_batch_normalization
    x, g, b, m, v = u((4, 3, 2)), u(3), u(3), u(3), u(3, lo=.5, hi=1.5)
    run(store, 'fbn', lambda *a: F.fixed_batch_normalization(*a, eps=1e-3),
        [x, g, b, m, v])

    # batch_renormalization (r and d clipped for some channels)
    for xd in ('float64', 'float32'):
        x, g, b = u((6, 4, 2), xd, -2, 2), u(4, xd, .5, 1.5), u(4, xd)
        rm = numpy.array([0., 1., -1., .1], xd)
        rv = numpy.array([1., .2, 5., 1.], xd)
        store['brn_%s/rm0' % xd] = rm.copy()
        store['brn_%s/rv0' % xd] = rv.copy()
        run(store, 'brn_' + xd,
            lambda x, g, b: F.batch_renormalization(
                x, g, b, 1.5, 0.5, running_mean=rm, running_var=rv,
                decay=0.7, update_statistics=True),
            [x, g, b], stats=(rm, rv))

    # decorrelated_batch_normalization
    x = u((6, 4, 3))
    rm = numpy.zeros((2, 2))
    rp = numpy.tile(numpy.eye(2), (2, 1, 1))
    store['dbn/rm0'] = rm.copy()
    store['dbn/rp0'] = rp.copy()
    run(store, 'dbn', lambda x: F.decorrelated_batch_normalization(
        x, groups=2, running_mean=rm, running_projection=rp, decay=0.6),
        [x], stats=(rm, rp))
    x = u((5, 6))
    run(store, 'dbn2d', lambda x: F.decorrelated_batch_normalization(
        x, groups=3), [x])

    # group / layer / local response / L2 normalization
    run(store, 'gn', lambda x, g, b: F.group_normalization(x, 2, g, b),
        [u((3, 4, 2, 2)), u(4), u(4)])
    run(store, 'ln', F.layer_normalization, [u((3, 5)), u(5), u(5)])
    run(store, 'lrn', lambda x: F.local_response_normalization(
        x, n=3, k=1, alpha=0.5, beta=0.6), [u((2, 6, 2), lo=-2, hi=2)])
    run(store, 'lrn5', F.local_response_normalization, [u((2, 7, 3))])
    xz = u((3, 4))
    xz[1] = 0
    run(store, 'l2', F.normalize, [xz])
    run(store, 'l2axis', lambda x: F.normalize(x, eps=1e-3, axis=(1, 2)),
        [u((2, 3, 4))])

    numpy.savez_compressed(OUT, **store)


if __name__ == '__main__':
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        main()
