import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import initializers
from chainerjax import testing
from tests.initializers_tests import _fixtures

_MAKERS = {
    'Uniform': lambda **kw: initializers.Uniform(0.3, **kw),
    'LeCunUniform': lambda **kw: initializers.LeCunUniform(2.0, **kw),
    'GlorotUniform': lambda **kw: initializers.GlorotUniform(**kw),
    'HeUniform': lambda **kw: initializers.HeUniform(0.5, **kw),
}


def _bound(name, shape):
    fan_in = shape[1] * int(numpy.prod(shape[2:]))
    fan_out = shape[0] * int(numpy.prod(shape[2:]))
    return {'Uniform': 0.3,
            'LeCunUniform': 2.0 * numpy.sqrt(3. / fan_in),
            'GlorotUniform': numpy.sqrt(6. / (fan_in + fan_out)),
            'HeUniform': 0.5 * numpy.sqrt(6. / fan_in)}[name]


@testing.parameterize(*testing.product({
    'name': sorted(_MAKERS),
    'shape': [(3, 4), (2, 3, 2, 2)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestUniformFamily(unittest.TestCase):

    def key(self):
        return '{}_{}_{}'.format(self.name, _fixtures.shape_name(self.shape),
                                 numpy.dtype(self.dtype).name)

    def test_matches_chainer(self):
        # Both draw from NumPy's global generator (or the given rng).
        a = numpy.empty(self.shape, self.dtype)
        numpy.random.seed(0)
        _MAKERS[self.name](dtype=self.dtype)(a)
        numpy.testing.assert_array_equal(a, _fixtures.get(
            self.key() + '/value'))
        b = numpy.empty(self.shape, self.dtype)
        _MAKERS[self.name](rng=numpy.random.RandomState(1))(b)
        numpy.testing.assert_array_equal(b, _fixtures.get(
            self.key() + '/value_rng'))
        assert (numpy.abs(a) <= _bound(self.name, self.shape)).all()


@pytest.mark.parametrize('name', sorted(_MAKERS))
def test_distribution(name):
    # mean 0, std bound / sqrt(3), all values within the bound
    shape = (200, 100, 3)
    init = _MAKERS[name](rng=numpy.random.RandomState(0))
    a = initializers.generate_array(init, shape, numpy,
                                    dtype=numpy.float64)
    bound = _bound(name, shape)
    assert a.shape == shape and a.dtype == numpy.float64
    assert (numpy.abs(a) <= bound).all()
    assert numpy.abs(a).max() > 0.99 * bound
    n = a.size
    # 4 standard errors
    assert abs(a.mean()) < 4 * bound / numpy.sqrt(3 * n)
    numpy.testing.assert_allclose(a.std(), bound / numpy.sqrt(3),
                                  rtol=0.01)


def test_defaults_and_errors():
    assert initializers.Uniform().scale == 0.05
    for cls in (initializers.LeCunUniform, initializers.GlorotUniform,
                initializers.HeUniform):
        assert cls().scale == 1.0 and cls().dtype is None
        assert cls().rng is None
        with pytest.raises(TypeError):
            cls(unknown=1)
        with pytest.raises(ValueError):
            cls()(numpy.empty((3,), numpy.float32))   # no fans
    init = initializers.HeUniform(dtype=numpy.float32)
    with pytest.raises(AssertionError):
        init(numpy.empty((2, 2), numpy.float64))


def test_generate_array_dtype_and_device():
    import jax
    init = initializers.GlorotUniform()
    with chainer.using_config('dtype', numpy.float16):
        a = initializers.generate_array(init, (3, 2), numpy)
    assert a.dtype == numpy.float16
    b = initializers.generate_array(
        initializers.Uniform(dtype=numpy.float64), (4,), jax.numpy,
        device='@jax:cpu:0')
    assert isinstance(b, jax.Array) and b.dtype == numpy.float64
    with pytest.raises(ValueError):
        initializers.generate_array(initializers.Uniform(dtype=numpy.float64),
                                    (4,), numpy, dtype=numpy.float32)


def test_link_initializer():
    import chainerjax.links as L
    numpy.random.seed(3)
    layer = L.Linear(4, 3, initialW=initializers.LeCunUniform())
    assert (numpy.abs(layer.W.array) <= numpy.sqrt(3. / 4)).all()
    import chainerjax.alias  # NOQA
    import chainer.initializers.uniform as chainer_uniform
    assert chainer_uniform.HeUniform is initializers.HeUniform
