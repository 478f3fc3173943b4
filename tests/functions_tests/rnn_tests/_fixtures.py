"""Compares chainerjax with real Chainer 7.8.1 (fixtures.npz, see
make_fixtures.py)."""
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


def tol(dtype):
    return {numpy.dtype('float16'): {'rtol': 2e-2, 'atol': 2e-2},
            numpy.dtype('float32'): {'rtol': 1e-5, 'atol': 1e-6},
            numpy.dtype('float64'): {'rtol': 1e-10, 'atol': 1e-12}}[
                numpy.dtype(dtype)]


def check(name, func):
    d = load()
    xs = []
    while '{}/x{}'.format(name, len(xs)) in d:
        xs.append(d['{}/x{}'.format(name, len(xs))])
    vs = [chainer.Variable(x.copy()) for x in xs]
    ys = func(*vs)
    gys = []
    for j, y in enumerate(ys):
        want = d['{}/y{}'.format(name, j)]
        assert y.dtype == want.dtype and y.shape == want.shape
        numpy.testing.assert_allclose(y.array, want, err_msg=name,
                                      **tol(want.dtype))
        gys.append(chainer.Variable(d['{}/gy{}'.format(name, j)]))
    chainer.backward(list(ys), gys)
    for i, v in enumerate(vs):
        key = '{}/gx{}'.format(name, i)
        if key in d:
            numpy.testing.assert_allclose(v.grad, d[key], err_msg=key,
                                          **tol(d[key].dtype))
