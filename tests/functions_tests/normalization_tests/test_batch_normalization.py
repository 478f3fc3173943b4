import jax.numpy as jnp
import numpy
import pytest

from chainerjax import functions
from chainerjax import gradient_check
from chainerjax import testing
from chainerjax.functions.normalization import batch_normalization as bn_mod
from chainerjax.utils import type_check
from tests.functions_tests.normalization_tests import _fixtures


def _ref_bn(x, gamma, beta, eps, axis):
    x = x.astype(numpy.float64)
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True)
    shape = [1 if i in axis else s for i, s in enumerate(x.shape)]
    return (gamma.reshape(shape) * (x - mean) / numpy.sqrt(var + eps)
            + beta.reshape(shape))


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'shape': [(5, 3), (4, 3, 2)],
}))
@testing.inject_backend_tests(None, [{}])
class TestBatchNormalization(testing.FunctionTestCase):

    def setUp(self):
        self.check_forward_options = {'atol': 1e-4, 'rtol': 1e-4}
        self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
        self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-2, 'rtol': 1e-2}
            self.check_backward_options = {'atol': 5e-2, 'rtol': 5e-1}
            self.check_double_backward_options = {'atol': 5e-2,
                                                  'rtol': 5e-1}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        gamma = numpy.random.uniform(.5, 1, (3,)).astype(self.dtype)
        beta = numpy.random.uniform(-1, 1, (3,)).astype(self.dtype)
        return x, gamma, beta

    def forward(self, inputs, device):
        x, gamma, beta = inputs
        return functions.batch_normalization(x, gamma, beta, eps=1e-2),

    def forward_expected(self, inputs):
        x, gamma, beta = inputs
        axis = (0,) + tuple(range(2, x.ndim))
        return _ref_bn(x, gamma, beta, 1e-2, axis).astype(self.dtype),


@pytest.mark.parametrize('dtype', ['float64', 'float32', 'float16'])
def test_batch_normalization_matches_chainer(dtype):
    name = 'bn_' + dtype
    rm = _fixtures.get(name, 'rm0').copy()
    rv = _fixtures.get(name, 'rv0').copy()
    _fixtures.check(
        name, lambda x, g, b: functions.batch_normalization(
            x, g, b, running_mean=rm, running_var=rv, decay=0.8),
        stats=(rm, rv))


def test_batch_normalization_axis_matches_chainer():
    _fixtures.check('bn_axis', lambda x, g, b: functions.batch_normalization(
        x, g, b, axis=0, eps=1e-3))
    _fixtures.check('bn_axis01', lambda x, g, b: functions.batch_normalization(
        x, g, b, axis=(0, 1)))


def test_batch_normalization_with_stats_is_functional():
    x, g, b = _fixtures.inputs('bn_float64')
    rm = _fixtures.get('bn_float64', 'rm0')
    rv = _fixtures.get('bn_float64', 'rv0')
    rm_j, rv_j = jnp.asarray(rm), jnp.asarray(rv)
    y, new_m, new_v = bn_mod._batch_normalization_with_stats(
        x, g, b, running_mean=rm_j, running_var=rv_j, decay=0.8)
    numpy.testing.assert_allclose(y.array, _fixtures.get('bn_float64', 'y'),
                                  rtol=1e-9)
    numpy.testing.assert_allclose(new_m, _fixtures.get('bn_float64',
                                                       'stat0'), rtol=1e-9)
    numpy.testing.assert_allclose(new_v, _fixtures.get('bn_float64',
                                                       'stat1'), rtol=1e-9)
    # The given arrays are untouched.
    numpy.testing.assert_array_equal(rm_j, rm)
    y, m, v = bn_mod._batch_normalization_with_stats(x, g, b)
    assert m is None and v is None


def test_batch_normalization_with_stats_under_jit():
    import jax
    x, g, b = _fixtures.inputs('bn_float64')
    rm = _fixtures.get('bn_float64', 'rm0')
    rv = _fixtures.get('bn_float64', 'rv0')

    @jax.jit
    def step(x, rm, rv):
        y, m, v = bn_mod._batch_normalization_with_stats(
            x, g, b, running_mean=rm, running_var=rv, decay=0.8)
        return y._data, m, v

    y, m, v = step(x, rm, rv)
    numpy.testing.assert_allclose(m, _fixtures.get('bn_float64', 'stat0'),
                                  rtol=1e-9)
    numpy.testing.assert_allclose(v, _fixtures.get('bn_float64', 'stat1'),
                                  rtol=1e-9)


def test_batch_normalization_jax_running_stats_raise():
    x = numpy.zeros((3, 2), numpy.float32)
    g = numpy.ones(2, numpy.float32)
    with pytest.raises(TypeError, match='_batch_normalization_with_stats'):
        functions.batch_normalization(
            x, g, g, running_mean=jnp.zeros(2), running_var=jnp.ones(2))


def test_batch_normalization_errors():
    x = numpy.zeros((3, 2), numpy.float32)
    g = numpy.ones(2, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.batch_normalization(x, numpy.ones(3, numpy.float32),
                                      numpy.ones(3, numpy.float32))
    with pytest.raises(ValueError):
        functions.batch_normalization(x, g, g, train=True)
    with pytest.raises(RuntimeError):
        functions.batch_normalization(x, g, g, axis=(1, 0))


def test_batch_normalization_single_sample_warns():
    x = numpy.ones((1, 2), numpy.float32)
    g = numpy.ones(2, numpy.float32)
    with pytest.warns(UserWarning):
        y = functions.batch_normalization(x, g, g * 0)
    numpy.testing.assert_array_equal(y.array, numpy.zeros((1, 2)))


def test_fixed_batch_normalization_matches_chainer():
    _fixtures.check('fbn', lambda *a: functions.fixed_batch_normalization(
        *a, eps=1e-3))


def test_fixed_batch_normalization_double_backward():
    x = numpy.random.uniform(-1, 1, (3, 2))
    g, b, m = [numpy.random.uniform(-1, 1, 2) for _ in range(3)]
    v = numpy.random.uniform(.5, 1, 2)
    gy = numpy.random.uniform(-1, 1, (3, 2))
    ggs = tuple(numpy.random.uniform(-1, 1, a.shape) for a in (x, g, b, m, v))
    gradient_check.check_double_backward(
        functions.fixed_batch_normalization, (x, g, b, m, v), gy, ggs)


def test_batch_normalization_mixed_dtypes_keep_x_dtype():
    x = numpy.random.uniform(-1, 1, (4, 3)).astype(numpy.float16)
    g = numpy.ones(3, numpy.float32)
    y = functions.batch_normalization(x, g, g * 0)
    assert y.dtype == numpy.float16
