"""Deterministic parameters for comparing the vision models with real
Chainer: the same values in both, made from each parameter's path without
sampling hundreds of millions of random numbers.

Only NumPy is used, so that make_fixtures_vision.py (real Chainer) and the
tests (chainerjax) share this file.
"""
import zlib

import numpy

_PERIOD = 997   # a prime: the pattern does not line up with the axes


def value(path, shape):
    """The value of the parameter or persistent at ``path``."""
    size = int(numpy.prod(shape))
    rs = numpy.random.RandomState(zlib.crc32(path.encode()))
    base = rs.standard_normal(min(size, _PERIOD))
    a = numpy.resize(base.astype(numpy.float32), size).reshape(shape)
    name = path.rsplit('/', 1)[-1]
    if name == 'W':
        fan_in = size // shape[0]
        return a * numpy.float32(numpy.sqrt(2. / fan_in))
    if name == 'gamma':
        return 1 + a * numpy.float32(0.1)
    if name == 'avg_var':
        return 1 + numpy.abs(a) * numpy.float32(0.5)
    return a * numpy.float32(0.1)   # b, beta, avg_mean


def fill(model, prefixes=None):
    """Sets the parameters and the array persistents of ``model`` (those
    whose path starts with one of ``prefixes``, default all)."""
    def wanted(path):
        return prefixes is None or any(path.startswith(p) for p in prefixes)

    for path, param in sorted(model.namedparams()):
        if wanted(path):
            param.array = value(path, param.shape)
    for path, link in sorted(model.namedlinks()):
        for name in sorted(link._persistent):
            current = getattr(link, name)
            full = path.rstrip('/') + '/' + name
            if isinstance(current, numpy.ndarray) and wanted(full):
                setattr(link, name, value(full, current.shape))


def inputs(seed, shape):
    return numpy.random.RandomState(seed).uniform(-1, 1, shape).astype(
        numpy.float32)
