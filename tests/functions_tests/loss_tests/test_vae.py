import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('reduce', ['sum', 'mean', 'no'])
def test_vae_losses_match_chainer(reduce):
    _fixtures.check('gkl_' + reduce, lambda m, v: F.gaussian_kl_divergence(
        m, v, reduce=reduce))
    _fixtures.check('bnll_' + reduce, lambda x, y: F.bernoulli_nll(
        x, y, reduce=reduce))
    _fixtures.check('gnll_' + reduce, lambda x, m, v: F.gaussian_nll(
        x, m, v, reduce=reduce))


def test_vae_errors():
    x = numpy.zeros(2)
    with pytest.raises(ValueError):
        F.gaussian_kl_divergence(x, x, reduce='x')
    with pytest.raises(ValueError):
        F.bernoulli_nll(x, x, reduce='x')
    with pytest.raises(ValueError):
        F.gaussian_nll(x, x, x, reduce='x')
