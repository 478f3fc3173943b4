"""The arrays recorded from real Chainer 7.8.1 by make_fixtures.py."""
import os

import numpy

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures.npz')
_data = None


def get(key):
    global _data
    if _data is None:
        with numpy.load(_PATH) as f:
            _data = {k: f[k] for k in f.files}
    return _data[key]


def shape_name(shape):
    return 'x'.join(str(s) for s in shape) or 'scalar'
