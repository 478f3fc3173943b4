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


def get(key):
    return load()[key]


def inputs(name):
    d = load()
    xs = []
    while '{}/x{}'.format(name, len(xs)) in d:
        xs.append(d['{}/x{}'.format(name, len(xs))])
    return xs


def tol(dtype):
    return {numpy.dtype('float16'): {'rtol': 2e-2, 'atol': 2e-2},
            numpy.dtype('float32'): {'rtol': 1e-4, 'atol': 1e-5},
            numpy.dtype('float64'): {'rtol': 1e-8, 'atol': 1e-10}}[
                numpy.dtype(dtype)]


def check(name, func, tolerance=None):
    """Runs ``func`` on the stored inputs (float ones as Variables) and
    compares the outputs and input gradients with Chainer's."""
    d = load()
    xs = inputs(name)
    vs = [chainer.Variable(x.copy()) if x.dtype.kind == 'f' else x
          for x in xs]
    ys = func(*vs)
    if not isinstance(ys, (tuple, list)):
        ys = (ys,)
    gys = []
    for j, y in enumerate(ys):
        want = d['{}/y{}'.format(name, j)]
        t = tolerance or tol(want.dtype)
        assert y.dtype == want.dtype and y.shape == want.shape, name
        numpy.testing.assert_allclose(y.array, want, err_msg=name, **t)
        gys.append(chainer.Variable(d['{}/gy{}'.format(name, j)]))
    chainer.backward(list(ys), gys)
    for i, v in enumerate(vs):
        key = '{}/gx{}'.format(name, i)
        if key in d:
            assert v.grad is not None, key
            assert v.grad.dtype == d[key].dtype, key
            numpy.testing.assert_allclose(
                v.grad, d[key], err_msg=key,
                **(tolerance or tol(d[key].dtype)))
