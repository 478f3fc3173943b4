import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_black_out_matches_chainer(reduce):
    _fixtures.check('black_out_' + reduce, lambda x, t, W, s: F.black_out(
        x, t, W, s, reduce=reduce))
