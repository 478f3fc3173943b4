import numpy
import pytest

from chainerjax import functions as F
from tests.functions_tests.loss_tests import _fixtures

DTYPES = ["float64", "float32", "float16"]


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_ctc_matches_chainer(reduce):
    _fixtures.check('ctc_' + reduce, lambda il, ll, t, *xs: F.
                    connectionist_temporal_classification(
                        list(xs), t, 0, il, ll, reduce=reduce),
                    tolerance={'rtol': 1e-6, 'atol': 1e-8})


def test_ctc_default_lengths_and_float32():
    _fixtures.check('ctc_default', lambda t, *xs: F.
                    connectionist_temporal_classification(list(xs), t, 3),
                    tolerance={'rtol': 1e-6, 'atol': 1e-8})
    _fixtures.check('ctc_f32', lambda il, ll, t, *xs: F.
                    connectionist_temporal_classification(
                        list(xs), t, 0, il, ll),
                    tolerance={'rtol': 1e-4, 'atol': 1e-5})


def test_ctc_errors():
    x = [numpy.zeros((1, 3), numpy.float32)]
    t = numpy.zeros((1, 1), numpy.int32)
    with pytest.raises(TypeError):
        F.connectionist_temporal_classification(x[0], t, 0)
    with pytest.raises(TypeError):
        F.connectionist_temporal_classification(x, t, 0.)
    with pytest.raises(ValueError):
        F.connectionist_temporal_classification(x, t, 0, reduce='sum')
