import numpy

from chainerjax import functions
from tests.functions_tests.normalization_tests import _fixtures


def test_normalize_matches_chainer():
    # includes a zero row: gradient 1 / eps, no NaN, as in Chainer
    _fixtures.check('l2', functions.normalize)
    _fixtures.check('l2axis', lambda x: functions.normalize(
        x, eps=1e-3, axis=(1, 2)))


def test_normalize_float16():
    x = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float16)
    y = functions.normalize(x)
    assert y.dtype == numpy.float16
    numpy.testing.assert_allclose(
        numpy.linalg.norm(y.array.astype(numpy.float64), axis=1), 1,
        rtol=1e-2)
