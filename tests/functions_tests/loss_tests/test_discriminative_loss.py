import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


def test_discriminative_loss_matches_chainer():
    _fixtures.check('dmbc_1', lambda e, l: F.
                    discriminative_margin_based_clustering_loss(
                        e, l, 0.5, 1.5, 3, norm=1, alpha=1.0, beta=0.7,
                        gamma=0.01))
    _fixtures.check('dmbc_n1', lambda e, l: F.
                    discriminative_margin_based_clustering_loss(
                        e, l, 0.3, 1.0, 4))


def test_discriminative_loss_batch_differs_from_dims_and_l2():
    # Chainer itself fails unless N == C or N == 1; chainerjax does not.
    e = numpy.random.uniform(-1, 1, (2, 3, 4, 4))
    l = numpy.random.randint(0, 4, (2, 4, 4)).astype(numpy.int32)
    for norm in (1, 2):
        outs = F.discriminative_margin_based_clustering_loss(
            e, l, 0.5, 1.5, 3, norm=norm)
        assert len(outs) == 3
        for o in outs:
            assert o.shape == () and numpy.isfinite(o.array)
    with pytest.raises(ValueError):
        F.discriminative_margin_based_clustering_loss(e, l, .5, 1.5, 3,
                                                      norm=3)
