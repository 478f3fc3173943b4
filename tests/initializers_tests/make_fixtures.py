"""Generates fixtures.npz for the initializer tests with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/initializers_tests/make_fixtures.py

Chainer's initializers draw from NumPy's global generator on the CPU (or
from a given ``rng``), and chainerjax's do too, so the values are recorded
for fixed seeds: ``<initializer>_<shape>_<dtype>/value`` after
``numpy.random.seed(0)``, ``.../value_rng`` with ``rng=RandomState(1)``.
The sampling filters are deterministic.
"""
import os

import numpy

from chainer import initializers

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')

RANDOM = {
    'Uniform': lambda **kw: initializers.Uniform(0.3, **kw),
    'LeCunUniform': lambda **kw: initializers.LeCunUniform(2.0, **kw),
    'GlorotUniform': lambda **kw: initializers.GlorotUniform(**kw),
    'HeUniform': lambda **kw: initializers.HeUniform(0.5, **kw),
    'Orthogonal': lambda **kw: initializers.Orthogonal(**kw),
    'OrthogonalEmb': lambda **kw: initializers.Orthogonal(
        scale=2., mode='embedding', **kw),
}
SHAPES = {
    'Uniform': [(3, 4), (2, 3, 2, 2)],
    'LeCunUniform': [(3, 4), (2, 3, 2, 2)],
    'GlorotUniform': [(3, 4), (2, 3, 2, 2)],
    'HeUniform': [(3, 4), (2, 3, 2, 2)],
    'Orthogonal': [(3, 4), (5, 2), (2, 3, 2, 2), ()],
    'OrthogonalEmb': [(5, 2), (4, 4)],
}


def save(store, path):
    tmp = path + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, path)


def shape_name(shape):
    return 'x'.join(str(s) for s in shape) or 'scalar'


def main():
    store = {}
    for name, make in RANDOM.items():
        for shape in SHAPES[name]:
            for dtype in (numpy.float16, numpy.float32, numpy.float64):
                key = '{}_{}_{}'.format(name, shape_name(shape),
                                        numpy.dtype(dtype).name)
                a = numpy.empty(shape, dtype)
                numpy.random.seed(0)
                make(dtype=dtype)(a)
                store[key + '/value'] = a
                a = numpy.empty(shape, dtype)
                make(rng=numpy.random.RandomState(1))(a)
                store[key + '/value_rng'] = a
    for name, cls in (('Upsampling', initializers.UpsamplingDeconvFilter),
                      ('Downsampling', initializers.DownsamplingConvFilter)):
        for shape in [(2, 2, 3, 3), (3, 3, 4, 4), (3, 1, 4, 4),
                      (2, 2, 3, 3, 3), (2, 2, 5)]:
            a = numpy.empty(shape, numpy.float32)
            cls()(a)
            store['{}_{}/value'.format(name, shape_name(shape))] = a
    save(store, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
