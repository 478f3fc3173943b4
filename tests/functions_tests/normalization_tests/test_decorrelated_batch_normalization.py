import jax.numpy as jnp
import numpy
import pytest

from chainerjax import functions
from chainerjax.functions.normalization import \
    decorrelated_batch_normalization as dbn
from tests.functions_tests.normalization_tests import _fixtures

_TOL = {'rtol': 1e-6, 'atol': 1e-8}


def test_decorrelated_batch_normalization_matches_chainer():
    rm = _fixtures.get('dbn', 'rm0').copy()
    rp = _fixtures.get('dbn', 'rp0').copy()
    _fixtures.check('dbn', lambda x: functions.
                    decorrelated_batch_normalization(
                        x, groups=2, running_mean=rm,
                        running_projection=rp, decay=0.6),
                    stats=(rm, rp), tolerance=_TOL)
    _fixtures.check('dbn2d', lambda x: functions.
                    decorrelated_batch_normalization(x, groups=3),
                    tolerance=_TOL)


def test_decorrelated_batch_normalization_functional_and_fixed():
    x, = _fixtures.inputs('dbn')
    rm = jnp.asarray(_fixtures.get('dbn', 'rm0'))
    rp = jnp.asarray(_fixtures.get('dbn', 'rp0'))
    y, m, p = dbn._decorrelated_batch_normalization_with_stats(
        x, 2, running_mean=rm, running_projection=rp, decay=0.6)
    numpy.testing.assert_allclose(m, _fixtures.get('dbn', 'stat0'), **_TOL)
    numpy.testing.assert_allclose(p, _fixtures.get('dbn', 'stat1'), **_TOL)
    with pytest.raises(TypeError):
        functions.decorrelated_batch_normalization(
            x, groups=2, running_mean=rm, running_projection=rp)
    # The fixed version with the batch statistics reproduces the output.
    xg = x.transpose(1, 0, 2).reshape(2, 2, -1)
    mean = xg.mean(2)
    xc = xg - mean[:, :, None]
    cov = xc @ xc.transpose(0, 2, 1) / xc.shape[2] + 2e-5 * numpy.eye(2)
    w, v = numpy.linalg.eigh(cov)
    proj = v @ (w[:, :, None] ** -0.5 * v.transpose(0, 2, 1))
    y2 = functions.fixed_decorrelated_batch_normalization(x, mean, proj,
                                                          groups=2)
    numpy.testing.assert_allclose(y2.array, y.array, **_TOL)
