"""The arrays recorded from real Chainer 7.8.1 by make_fixtures.py."""
import os

import numpy

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures.npz')
_data = None


def case(name):
    """The arrays of case ``name`` (a dict ``key -> array``)."""
    global _data
    if _data is None:
        with numpy.load(_PATH) as f:
            _data = {k: f[k] for k in f.files}
    prefix = name + '/'
    return {k[len(prefix):]: v for k, v in _data.items()
            if k.startswith(prefix)}


def tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 1e-2, 'rtol': 1e-2}
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-4}
    return {'atol': 1e-10, 'rtol': 1e-9}


def grad_tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-2, 'rtol': 5e-2}
    if dtype == numpy.float32:
        return {'atol': 1e-4, 'rtol': 1e-3}
    return {'atol': 1e-9, 'rtol': 1e-8}
