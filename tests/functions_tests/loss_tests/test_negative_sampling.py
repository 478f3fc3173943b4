import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('reduce', ['sum', 'no'])
def test_negative_sampling_matches_chainer(reduce):
    samples = _fixtures.get('neg/samples')
    _fixtures.check('neg_' + reduce, lambda x, t, W: F.negative_sampling(
        x, t, W, lambda shape: samples.copy(), 2, reduce=reduce))


def test_negative_sampling_return_samples():
    x = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)
    W = numpy.random.uniform(-1, 1, (5, 2)).astype(numpy.float32)
    t = numpy.array([1, 2, 4], numpy.int32)
    loss, s = F.negative_sampling(
        x, t, W, lambda shape: numpy.random.randint(0, 5, shape), 3,
        return_samples=True)
    assert s.shape == (3, 4)
    numpy.testing.assert_array_equal(s[:, 0], t)
    assert loss.dtype == numpy.float32 and loss.shape == ()
    with pytest.raises(ValueError):
        F.negative_sampling(x, t, W, None, 1, reduce='mean')
