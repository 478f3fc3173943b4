import jax.numpy as jnp
import numpy
import pytest

from chainerjax import functions
from chainerjax.functions.normalization import batch_renormalization as brn
from tests.functions_tests.normalization_tests import _fixtures


@pytest.mark.parametrize('dtype', ['float64', 'float32'])
def test_batch_renormalization_matches_chainer(dtype):
    name = 'brn_' + dtype
    rm = _fixtures.get(name, 'rm0').copy()
    rv = _fixtures.get(name, 'rv0').copy()
    _fixtures.check(
        name, lambda x, g, b: functions.batch_renormalization(
            x, g, b, 1.5, 0.5, running_mean=rm, running_var=rv, decay=0.7,
            update_statistics=True),
        stats=(rm, rv))


def test_batch_renormalization_no_update_and_functional():
    name = 'brn_float64'
    x, g, b = _fixtures.inputs(name)
    rm = _fixtures.get(name, 'rm0').copy()
    rv = _fixtures.get(name, 'rv0').copy()
    y = functions.batch_renormalization(x, g, b, 1.5, 0.5, running_mean=rm,
                                        running_var=rv, decay=0.7)
    numpy.testing.assert_allclose(y.array, _fixtures.get(name, 'y'))
    numpy.testing.assert_array_equal(rm, _fixtures.get(name, 'rm0'))
    y, m, v = brn._batch_renormalization_with_stats(
        x, g, b, 1.5, 0.5, running_mean=jnp.asarray(rm),
        running_var=jnp.asarray(rv), decay=0.7)
    numpy.testing.assert_allclose(m, _fixtures.get(name, 'stat0'))
    numpy.testing.assert_allclose(v, _fixtures.get(name, 'stat1'))


def test_batch_renormalization_errors():
    x = numpy.zeros((3, 2))
    g = numpy.ones(2)
    with pytest.raises(TypeError):
        functions.batch_renormalization(x, g, g, 1, 0)
    with pytest.raises(TypeError):
        functions.batch_renormalization(
            x, g, g, 1, 0, running_mean=jnp.zeros(2),
            running_var=jnp.ones(2), update_statistics=True)


def test_fixed_batch_renormalization():
    x, g, b, m, v = _fixtures.inputs('fbn')
    with pytest.warns(DeprecationWarning):
        y = functions.fixed_batch_renormalization(x, g, b, m, v, eps=1e-3)
    numpy.testing.assert_allclose(y.array, _fixtures.get('fbn', 'y'))
