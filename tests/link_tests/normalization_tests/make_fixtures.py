"""Generates fixtures.npz for the normalization link tests with real
Chainer 7.8.1.

Run it with the reference environment (from any directory)::

    cd tests/link_tests/normalization_tests
    /work/refvenv/bin/python make_fixtures.py

Each case ``<link>_<dtype>`` stores its inputs, the initial parameters and
statistics, the outputs of the training-mode forwards, the gradients of the
first one for an upstream gradient ``gy``, the running statistics after
each step (plain and fine-tuning), and the output of a test-mode forward.
"""
import os

import numpy

import chainer
import chainer.links as L

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')


def uniform(seed, shape, dtype, lo=-1, hi=1):
    return numpy.random.RandomState(seed).uniform(lo, hi, shape).astype(dtype)


def normal(seed, shape, dtype, loc=0., scale=1.):
    return numpy.random.RandomState(seed).normal(
        loc, scale, shape).astype(dtype)


def save(store, path):
    tmp = path + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, path)


def forward_backward(link, x, gy):
    xv = chainer.Variable(x)
    link.cleargrads()
    y = link(xv)
    y.grad = gy.copy()
    y.backward()
    return y.array, xv.grad


def brn_cases(store):
    for dtype in (numpy.float16, numpy.float32, numpy.float64):
        name = 'brn_' + numpy.dtype(dtype).name
        shape = (5, 3, 2)
        xs = [normal(i + 1, shape, dtype, 0.3, 1.5) for i in range(3)]
        gy = uniform(10, shape, dtype)
        gamma = uniform(11, (3,), dtype, 0.5, 1.5)
        beta = uniform(12, (3,), dtype)
        # Running statistics far from the batch ones, so that r and d are
        # clipped on some channels.
        mean = numpy.array([0.5, 0., -1.], dtype)
        var = numpy.array([0.25, 1., 4.], dtype)

        def make():
            link = L.BatchRenormalization(
                3, rmax=1.5, dmax=0.5, dtype=dtype,
                initial_gamma=gamma, initial_beta=beta)
            link.avg_mean[...] = mean
            link.avg_var[...] = var
            return link

        link = make()
        y1, gx = forward_backward(link, xs[0], gy)
        store[name + '/ggamma'] = link.gamma.grad
        store[name + '/gbeta'] = link.beta.grad
        stats1 = (link.avg_mean.copy(), link.avg_var.copy())
        y2 = link(xs[1]).array
        stats2 = (link.avg_mean.copy(), link.avg_var.copy())
        with chainer.using_config('train', False):
            y_test = link(xs[2]).array
        ft = make()
        ft(xs[0], finetune=True)
        ft(xs[1], finetune=True)
        store.update({
            name + '/x0': xs[0], name + '/x1': xs[1], name + '/x2': xs[2],
            name + '/gy': gy, name + '/gamma': gamma, name + '/beta': beta,
            name + '/mean0': mean, name + '/var0': var,
            name + '/y0': y1, name + '/gx': gx, name + '/y1': y2,
            name + '/mean1': stats1[0], name + '/var1': stats1[1],
            name + '/mean2': stats2[0], name + '/var2': stats2[1],
            name + '/y_test': y_test,
            name + '/ft_mean': ft.avg_mean, name + '/ft_var': ft.avg_var,
            name + '/ft_N': numpy.array(ft.N),
        })


def dbn_cases(store):
    for dtype in (numpy.float32, numpy.float64):
        name = 'dbn_' + numpy.dtype(dtype).name
        shape = (6, 4, 3)
        xs = [normal(i + 1, shape, dtype, 0.2, 1.3) for i in range(3)]
        gy = uniform(10, shape, dtype)

        def make():
            return L.DecorrelatedBatchNormalization(
                4, groups=2, decay=0.8, dtype=dtype)

        link = make()
        y1, gx = forward_backward(link, xs[0], gy)
        stats1 = (link.avg_mean.copy(), link.avg_projection.copy())
        y2 = link(xs[1]).array
        with chainer.using_config('train', False):
            y_test = link(xs[2]).array
        ft = make()
        ft(xs[0], finetune=True)
        ft(xs[1], finetune=True)
        store.update({
            name + '/x0': xs[0], name + '/x1': xs[1], name + '/x2': xs[2],
            name + '/gy': gy, name + '/y0': y1, name + '/gx': gx,
            name + '/y1': y2,
            name + '/mean1': stats1[0], name + '/proj1': stats1[1],
            name + '/mean2': link.avg_mean, name + '/proj2':
                link.avg_projection,
            name + '/y_test': y_test,
            name + '/ft_mean': ft.avg_mean, name + '/ft_proj':
                ft.avg_projection,
            name + '/ft_N': numpy.array(ft.N),
        })


def affine_norm_cases(store, prefix, make, x_shape, size):
    for dtype in (numpy.float16, numpy.float32, numpy.float64):
        name = '{}_{}'.format(prefix, numpy.dtype(dtype).name)
        x = uniform(1, x_shape, dtype, -2, 2)
        gy = uniform(2, x_shape, dtype)
        gamma = uniform(3, (size,), dtype, 0.5, 1.5)
        beta = uniform(4, (size,), dtype)
        with chainer.using_config('dtype', dtype):
            link = make(gamma, beta)   # lazy: initialized by the forward
            y, gx = forward_backward(link, x, gy)
        store.update({
            name + '/x': x, name + '/gy': gy, name + '/gamma': gamma,
            name + '/beta': beta, name + '/y': y, name + '/gx': gx,
            name + '/ggamma': link.gamma.grad, name + '/gbeta':
                link.beta.grad,
        })


def main():
    store = {}
    brn_cases(store)
    dbn_cases(store)
    affine_norm_cases(
        store, 'gn',
        lambda g, b: L.GroupNormalization(
            2, initial_gamma=g, initial_beta=b), (2, 4, 3), 4)
    affine_norm_cases(
        store, 'ln',
        lambda g, b: L.LayerNormalization(
            initial_gamma=g, initial_beta=b), (3, 5), 5)
    save(store, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
