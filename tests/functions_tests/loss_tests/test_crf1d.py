import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_crf1d_matches_chainer(reduce):
    n = 3
    _fixtures.check('crf1d_' + reduce, lambda c, *a: F.crf1d(
        c, list(a[:n]), list(a[n:]), reduce=reduce))


def test_argmax_crf1d_matches_chainer():
    cost = _fixtures.get('argmax_crf1d/cost')
    xs = [_fixtures.get('argmax_crf1d/x%d' % i) for i in range(3)]
    score, path = F.argmax_crf1d(cost, xs)
    numpy.testing.assert_allclose(score.array,
                                  _fixtures.get('argmax_crf1d/score'))
    assert len(path) == 3
    for i, p in enumerate(path):
        numpy.testing.assert_array_equal(
            p, _fixtures.get('argmax_crf1d/path%d' % i))


def test_crf1d_errors():
    with pytest.raises(ValueError):
        F.crf1d(numpy.zeros((2, 2)), [numpy.zeros((1, 2))],
                [numpy.zeros(1, numpy.int32)], reduce='sum')
