"""Access to fixtures_special.npz (made by make_fixtures_special.py)."""
import os

import numpy

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures_special.npz')
_data = None


class Case(dict):
    """The arrays of one recorded case, keyed 'x0', 'y', 'gy', 'gx0', ..."""

    def inputs(self):
        n = len([k for k in self if k.startswith('x')])
        return tuple(self['x%d' % i] for i in range(n))


def load(name):
    global _data
    if _data is None:
        with numpy.load(_PATH) as f:
            _data = {k: f[k] for k in f.files}
    prefix = name + '/'
    case = Case((k[len(prefix):], v) for k, v in _data.items()
                if k.startswith(prefix))
    if not case:
        raise KeyError(name)
    return case


def check_against_chainer(func, name, dtype, **tol):
    """Runs ``func`` on the inputs of case ``name_dtype`` and compares the
    output and the input gradients with what Chainer computed."""
    from tests.functions_tests import _numgrad
    if not tol:
        tol = _numgrad.tol(dtype, 0.1)
    case = load('{}_{}'.format(name, numpy.dtype(dtype).name))
    xs = case.inputs()
    y = func(*xs)
    assert y.dtype == case['y'].dtype
    numpy.testing.assert_allclose(y.array, case['y'], **tol)
    gxs = _numgrad.grad_at(func, xs, [case['gy']])
    for i, gx in enumerate(gxs):
        if 'gx%d' % i in case:
            assert gx.dtype == case['gx%d' % i].dtype
            numpy.testing.assert_allclose(gx, case['gx%d' % i], **tol)
