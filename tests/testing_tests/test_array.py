import unittest

import jax.numpy as jnp
import numpy
import pytest

from chainerjax import testing


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'shape': [(), (3,), (2, 3)],
}))
class TestAssertAllclosePass(unittest.TestCase):

    def setUp(self):
        self.x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)

    def test_identical(self):
        testing.assert_allclose(self.x, self.x.copy())

    def test_within_atol(self):
        testing.assert_allclose(self.x, self.x + self.dtype(5e-4), atol=1e-3)

    def test_within_rtol(self):
        y = (self.x * 1.01).astype(self.dtype)
        testing.assert_allclose(self.x, y, atol=0, rtol=0.02)

    def test_jax_array(self):
        testing.assert_allclose(jnp.asarray(self.x), self.x)
        testing.assert_allclose(self.x, jnp.asarray(self.x))


class TestAssertAllcloseFail(unittest.TestCase):

    def test_message(self):
        x = numpy.array([1., 2., 3.], numpy.float32)
        y = numpy.array([1., 2.5, 3.], numpy.float32)
        with pytest.raises(AssertionError) as e:
            testing.assert_allclose(x, y)
        msg = str(e.value)
        # NumPy's own report comes first ...
        assert msg.startswith(
            '\nNot equal to tolerance rtol=0.0001, atol=1e-05')
        # ... then Chainer's.
        tail = msg[msg.index('assert_allclose failed:'):]
        assert tail == (
            'assert_allclose failed:\n'
            '  shape: (3,) (3,)\n'
            '  dtype: float32 float32\n'
            '  i: (1,)\n'
            '  x[i]: 2.0\n'
            '  y[i]: 2.5\n'
            '  relative error[i]: 0.20000000298023224\n'
            '  absolute error[i]: 0.5\n'
            '  relative tolerance * |y[i]|: 0.00025\n'
            '  absolute tolerance: 1e-05\n'
            '  total tolerance: 0.00026000000000000003\n'
            'x: [1. 2. 3.]\n'
            'y: [1.  2.5 3. ]\n')

    def test_worst_element_is_reported(self):
        x = numpy.arange(6.).reshape(2, 3)
        y = x.copy()
        y[0, 0] += 1e-3
        y[1, 1] += 1e-2
        with pytest.raises(AssertionError, match=r'  i: \(1, 1\)\n'):
            testing.assert_allclose(x, y)

    def test_zero_reference_gives_infinite_relative_error(self):
        with pytest.raises(AssertionError, match=r'relative error\[i\]: inf'):
            testing.assert_allclose(numpy.array([1.]), numpy.array([0.]))

    def test_shape_mismatch(self):
        with pytest.raises(AssertionError) as e:
            testing.assert_allclose(numpy.zeros(3), numpy.zeros(2))
        msg = str(e.value)
        assert '  shape: (3,) (2,)\n  dtype: float64 float64\nx: ' in msg
        assert '  i: ' not in msg

    def test_scalars(self):
        testing.assert_allclose(numpy.float32(2), 2.0)
        testing.assert_allclose(1, 1.0)
        with pytest.raises(AssertionError, match='  dtype: float32 float64'):
            testing.assert_allclose(numpy.float32(2), 3.0)

    def test_broadcast_scalar(self):
        testing.assert_allclose(numpy.ones((2, 3)), 1.0)
        with pytest.raises(AssertionError):
            testing.assert_allclose(numpy.ones((2, 3)), 1.1)

    def test_integers(self):
        with pytest.raises(AssertionError, match=r'absolute error\[i\]: 1\n'):
            testing.assert_allclose(numpy.array([1, 2]), numpy.array([1, 3]))

    def test_tolerances_used(self):
        x = numpy.array([1.0])
        testing.assert_allclose(x, x + 0.05, atol=0.1, rtol=0)
        with pytest.raises(AssertionError, match='absolute tolerance: 0.01'):
            testing.assert_allclose(x, x + 0.05, atol=0.01, rtol=0)

    def test_not_verbose(self):
        with pytest.raises(AssertionError) as e:
            testing.assert_allclose(
                numpy.array([1.]), numpy.array([2.]), verbose=False)
        assert 'ACTUAL: array' not in str(e.value)
        assert 'assert_allclose failed:' in str(e.value)

    def test_jax_failure(self):
        with pytest.raises(AssertionError, match=r'x\[i\]: 1.0'):
            testing.assert_allclose(jnp.ones(2), jnp.zeros(2))


class _VariableLike(object):
    array = numpy.zeros(2)


@pytest.mark.parametrize('value', [_VariableLike(), [1.0, 2.0], None])
def test_rejects_non_arrays(value):
    with pytest.raises(TypeError, match='Array cannot be converted'):
        testing.assert_allclose(value, numpy.zeros(2))
    with pytest.raises(TypeError):
        testing.assert_allclose(numpy.zeros(2), value)
