"""Generates fixtures_special.npz with real Chainer 7.8.1 (+ SciPy).

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \\
        tests/functions_tests/math_tests/make_fixtures_special.py

It stores, for each case ``<name>``: the inputs ``<name>/x`` (and extra
inputs), the output ``<name>/y`` and the input gradients ``<name>/gx...``
that Chainer computes for the output gradient ``<name>/gy``. Two groups:
special functions (values need SciPy) and gradients at non-differentiable
points (Chainer's conventions).
"""
import os

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures_special.npz')


def run(store, name, func, inputs, grad_index=None, gy=None):
    vs = [chainer.Variable(a) if a.dtype.kind == 'f' else a for a in inputs]
    y = func(*vs)
    if gy is None:
        gy = numpy.random.uniform(0.5, 1.5, y.shape).astype(y.dtype)
    y.grad = gy
    y.backward()
    store[name + '/y'] = y.array
    store[name + '/gy'] = gy
    for i, (a, v) in enumerate(zip(inputs, vs)):
        store['{}/x{}'.format(name, i)] = a
        if isinstance(v, chainer.Variable) and v.grad is not None:
            store['{}/gx{}'.format(name, i)] = v.grad


def main():
    numpy.random.seed(0)
    store = {}
    for dtype in (numpy.float16, numpy.float32, numpy.float64):
        d = numpy.dtype(dtype).name

        def u(lo, hi, shape=(2, 3)):
            return numpy.random.uniform(lo, hi, shape).astype(dtype)

        # Special functions.
        run(store, 'erf_' + d, F.erf, [u(-2, 2)])
        run(store, 'erfc_' + d, F.erfc, [u(-2, 2)])
        run(store, 'erfcx_' + d, F.erfcx, [u(-2, 4)])
        run(store, 'erfinv_' + d, F.erfinv, [u(-0.9, 0.9)])
        run(store, 'erfcinv_' + d, F.erfcinv, [u(0.1, 1.9)])
        run(store, 'ndtr_' + d, F.ndtr, [u(-3, 3)])
        run(store, 'ndtri_' + d, F.ndtri, [u(0.05, 0.95)])
        run(store, 'log_ndtr_' + d, F.log_ndtr, [u(-5, 3)])
        run(store, 'digamma_' + d, F.digamma, [u(0.2, 5)])
        run(store, 'lgamma_' + d, F.lgamma, [u(0.2, 5)])
        run(store, 'polygamma_' + d, F.polygamma,
            [numpy.random.randint(0, 3, (2, 3)).astype(numpy.int32),
             u(0.5, 5)])
        run(store, 'zeta_' + d, lambda q: F.zeta(2.5, q), [u(0.5, 5)])

        # Gradients at non-differentiable points.
        kinks = numpy.array([-2.5, -1., 0., 0.5, 1., 2.5, 6., 7.], dtype)
        run(store, 'kink_relu6_' + d, F.relu6, [kinks])
        run(store, 'kink_clipped_relu_' + d,
            lambda x: F.clipped_relu(x, 1.0), [kinks])
        run(store, 'kink_leaky_relu_' + d, F.leaky_relu, [kinks])
        run(store, 'kink_hard_sigmoid_' + d, F.hard_sigmoid, [kinks])
        run(store, 'kink_elu_' + d, F.elu, [kinks])
        run(store, 'kink_crelu_' + d, lambda x: F.crelu(x, axis=0), [kinks])
        run(store, 'kink_clip_' + d, lambda x: F.clip(x, -1., 1.), [kinks])
        run(store, 'kink_prelu_' + d, F.prelu,
            [kinks.reshape(2, 4), numpy.array([.1, .2, .3, .4], dtype)])
        run(store, 'kink_rrelu_' + d,
            lambda x: F.rrelu(x, r=numpy.full(x.shape, .25, dtype)), [kinks])
        ties = numpy.array([[1., 3., 3.], [2., 2., 2.]], dtype)
        run(store, 'kink_max_' + d, lambda x: F.max(x, axis=1), [ties])
        run(store, 'kink_min_' + d, lambda x: F.min(x, axis=1), [ties])
        run(store, 'kink_max_all_' + d, F.max, [ties])
        run(store, 'kink_maxout_' + d, lambda x: F.maxout(x, 3), [ties])
        a = numpy.array([1., 2., 3.], dtype)
        b = numpy.array([1., 3., 2.], dtype)
        run(store, 'kink_maximum_' + d, F.maximum, [a, b])
        run(store, 'kink_minimum_' + d, F.minimum, [a, b])
        run(store, 'kink_abs_' + d, F.absolute, [kinks])
    numpy.savez(OUT, **store)
    print('wrote', OUT, len(store), 'arrays')


if __name__ == '__main__':
    main()
