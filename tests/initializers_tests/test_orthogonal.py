import unittest

import numpy
import pytest

from chainerjax import initializers
from chainerjax import testing
from tests.initializers_tests import _fixtures


def _flat(a):
    return a.reshape(len(a), -1).astype(numpy.float64)


@testing.parameterize(*(testing.product({
    'shape': [(3, 4), (5, 2), (2, 3, 2, 2), ()],
    'mode': ['auto'],
    'scale': [1.1],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}) + testing.product({
    'shape': [(5, 2), (4, 4)],
    'mode': ['embedding'],
    'scale': [2.],
    'dtype': [numpy.float32, numpy.float64],
})))
class TestOrthogonal(unittest.TestCase):

    def make(self, **kwargs):
        return initializers.Orthogonal(scale=self.scale, mode=self.mode,
                                       **kwargs)

    def test_matches_chainer(self):
        name = 'Orthogonal' if self.mode == 'auto' else 'OrthogonalEmb'
        key = '{}_{}_{}'.format(name, _fixtures.shape_name(self.shape),
                                numpy.dtype(self.dtype).name)
        tol = {numpy.float16: 1e-3, numpy.float32: 1e-6,
               numpy.float64: 1e-12}[self.dtype]
        a = numpy.empty(self.shape, self.dtype)
        numpy.random.seed(0)
        self.make(dtype=self.dtype)(a)
        # (QR through another LAPACK build: equal up to rounding)
        numpy.testing.assert_allclose(a, _fixtures.get(key + '/value'),
                                      atol=tol, rtol=tol)
        b = numpy.empty(self.shape, self.dtype)
        self.make(rng=numpy.random.RandomState(1))(b)
        numpy.testing.assert_allclose(b, _fixtures.get(key + '/value_rng'),
                                      atol=tol, rtol=tol)

    def test_orthogonality(self):
        if not self.shape:
            return
        a = numpy.empty(self.shape, numpy.float64)
        self.make(rng=numpy.random.RandomState(2))(a)
        m = _flat(a)
        s2 = self.scale ** 2
        if m.shape[0] <= m.shape[1]:
            numpy.testing.assert_allclose(m.dot(m.T), s2 * numpy.eye(len(m)),
                                          atol=1e-10)
        else:
            numpy.testing.assert_allclose(
                m.T.dot(m), s2 * numpy.eye(m.shape[1]), atol=1e-10)


def test_scalar_values():
    a = numpy.empty((), numpy.float32)
    for _ in range(4):
        initializers.Orthogonal(scale=2.)(a)
        assert a in (-2., 2.)


def test_modes_and_errors():
    assert initializers.Orthogonal().scale == 1.1
    with pytest.raises(ValueError):
        initializers.Orthogonal(mode='square')
    with pytest.raises(TypeError):
        initializers.Orthogonal(seed=1)
    with pytest.raises(ValueError):
        initializers.Orthogonal(mode='projection')(
            numpy.empty((4, 3), numpy.float32))
    with pytest.raises(ValueError):
        initializers.Orthogonal(mode='embedding')(
            numpy.empty((3, 4), numpy.float32))
    with pytest.raises(ValueError):
        initializers.Orthogonal(mode='basis')(
            numpy.empty((3, 4), numpy.float32))
    initializers.Orthogonal(mode='basis')(numpy.empty((3, 3), numpy.float32))
    with pytest.raises(ValueError):
        initializers.Orthogonal()(numpy.empty((0, 3), numpy.float32))
