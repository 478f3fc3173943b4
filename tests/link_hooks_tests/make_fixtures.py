"""Generates fixtures.npz for the link hook tests with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/link_hooks_tests/make_fixtures.py

SpectralNormalization draws its vector ``u`` from NumPy's global
generator, in Chainer as in chainerjax, so each case seeds it with
``numpy.random.seed(0)`` before the hook is added (or, for a lazily
initialized link, before the first forward). Stored per case: the weight,
the inputs, ``u`` after each step, the outputs of two training-mode
forwards and of a test-mode one, and the gradients of the first.
"""
import os

import numpy

import chainer
import chainer.links as L
from chainer import link_hooks

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')


def uniform(seed, shape, dtype, lo=-1, hi=1):
    return numpy.random.RandomState(seed).uniform(lo, hi, shape).astype(dtype)


def save(store, path):
    tmp = path + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, path)


def make_link(kind, dtype):
    W = {'linear': uniform(1, (3, 4), dtype),
         'conv': uniform(1, (2, 3, 2, 2), dtype),
         'deconv': uniform(1, (3, 2, 2, 2), dtype)}.get(kind)
    with chainer.using_config('dtype', dtype):
        if kind == 'linear':
            return L.Linear(4, 3, initialW=W, initial_bias=0.5)
        if kind == 'lazy':
            return L.Linear(None, 3)
        if kind == 'conv':
            return L.Convolution2D(3, 2, 2, initialW=W)
        return L.Deconvolution2D(3, 2, 2, initialW=W)


def x_shape(kind):
    return (2, 4) if kind in ('linear', 'lazy') else (2, 3, 3, 3)


SN_CASES = [
    # name, link kind, hook options, dtypes
    ('sn_linear', 'linear', {}, (numpy.float16, numpy.float32,
                                 numpy.float64)),
    ('sn_gamma', 'linear', {'use_gamma': True, 'factor': 2.,
                            'n_power_iteration': 2},
     (numpy.float32, numpy.float64)),
    ('sn_lazy', 'lazy', {}, (numpy.float32,)),
    ('sn_conv', 'conv', {'eps': 1e-4}, (numpy.float32, numpy.float64)),
    ('sn_deconv', 'deconv', {}, (numpy.float32, numpy.float64)),
]


def sn_cases(store):
    for prefix, kind, options, dtypes in SN_CASES:
        for dtype in dtypes:
            name = '{}_{}'.format(prefix, numpy.dtype(dtype).name)
            numpy.random.seed(0)
            link = make_link(kind, dtype)
            link.add_hook(link_hooks.SpectralNormalization(**options))
            xs = [uniform(10 + i, x_shape(kind), dtype) for i in range(3)]
            xv = chainer.Variable(xs[0])
            y = link(xv)
            gy = uniform(20, y.shape, dtype)
            link.cleargrads()
            y.grad = gy.copy()
            y.backward()
            store[name + '/y0'] = y.array
            store[name + '/gx'] = xv.grad
            store[name + '/gW'] = link.W.grad
            if options.get('use_gamma'):
                store[name + '/gamma'] = link.gamma.array
                store[name + '/ggamma'] = link.gamma.grad
            store[name + '/u1'] = link.W_u.copy()
            store[name + '/y1'] = link(xs[1]).array
            store[name + '/u2'] = link.W_u.copy()
            with chainer.using_config('train', False):
                store[name + '/y_test'] = link(xs[2]).array
            store[name + '/W'] = link.W.array
            for i, x in enumerate(xs):
                store['{}/x{}'.format(name, i)] = x
            store[name + '/gy'] = gy
            # u as first drawn (same seed, same draws)
            numpy.random.seed(0)
            again = make_link(kind, dtype)
            if kind == 'lazy':
                again._initialize_params(4)
            again.add_hook(link_hooks.SpectralNormalization(**options))
            store[name + '/u0'] = again.W_u.copy()


def ws_cases(store):
    for kind in ('linear', 'conv'):
        for dtype in (numpy.float16, numpy.float32, numpy.float64):
            name = 'ws_{}_{}'.format(kind, numpy.dtype(dtype).name)
            link = make_link(kind, dtype)
            link.add_hook(link_hooks.WeightStandardization())
            x = uniform(10, x_shape(kind), dtype)
            xv = chainer.Variable(x)
            link.cleargrads()
            y = link(xv)
            gy = uniform(20, y.shape, dtype)
            y.grad = gy.copy()
            y.backward()
            store.update({name + '/x': x, name + '/W': link.W.array,
                          name + '/y': y.array, name + '/gy': gy,
                          name + '/gx': xv.grad, name + '/gW': link.W.grad})


def main():
    store = {}
    sn_cases(store)
    ws_cases(store)
    save(store, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
