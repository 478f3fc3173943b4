"""Compares chainerjax with the outputs and gradients of real Chainer 7.8.1
stored in fixtures.npz (see make_fixtures.py)."""
import os

import numpy

import chainerjax as chainer

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures.npz')
_data = None


def load():
    global _data
    if _data is None:
        with numpy.load(_PATH) as f:
            _data = dict(f.items())
    return _data


def get(name, key):
    return load()['{}/{}'.format(name, key)]


def inputs(name):
    d = load()
    xs = []
    i = 0
    while '{}/x{}'.format(name, i) in d:
        xs.append(d['{}/x{}'.format(name, i)])
        i += 1
    return xs


def tol(dtype):
    return {numpy.dtype('float16'): {'rtol': 2e-2, 'atol': 2e-2},
            numpy.dtype('float32'): {'rtol': 1e-4, 'atol': 1e-5},
            numpy.dtype('float64'): {'rtol': 1e-9, 'atol': 1e-10}}[
                numpy.dtype(dtype)]


def check(name, func, xs=None, stats=(), tolerance=None):
    """Runs ``func(*Variables)`` and compares y and gradients (and the
    arrays ``stats`` afterwards) with Chainer's."""
    d = load()
    if xs is None:
        xs = inputs(name)
    vs = [chainer.Variable(x.copy()) for x in xs]
    y = func(*vs)
    want = d[name + '/y']
    t = tolerance or tol(want.dtype)
    assert y.dtype == want.dtype and y.shape == want.shape
    numpy.testing.assert_allclose(y.array, want, **t)
    y.grad = d[name + '/gy']
    y.backward()
    for i, v in enumerate(vs):
        key = '{}/gx{}'.format(name, i)
        if key in d:
            assert v.grad is not None, key
            assert v.grad.dtype == d[key].dtype, key
            numpy.testing.assert_allclose(v.grad, d[key], err_msg=key,
                                          **tol(d[key].dtype))
    for i, s in enumerate(stats):
        want = d['{}/stat{}'.format(name, i)]
        numpy.testing.assert_allclose(s, want, err_msg='stat%d' % i,
                                      **tol(want.dtype))
