import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _r2_ref(pred, true):
    pred = pred.astype(numpy.float64)
    true = true.astype(numpy.float64)
    ss_res = ((pred - true) ** 2).sum(axis=0)
    ss_tot = ((true - true.mean(axis=0)) ** 2).sum(axis=0)
    return numpy.where(ss_tot == 0, 0.0,
                       1 - ss_res / numpy.where(ss_tot == 0, 1, ss_tot))


@testing.parameterize(*testing.product({
    'shape': [(6,), (5, 3)],
    'multioutput': ['uniform_average', 'raw_values'],
    'dtype': [numpy.float32],
}) + [{'shape': (5, 3), 'multioutput': 'raw_values', 'dtype': d}
      for d in (numpy.float16, numpy.float64)])
class TestR2Score(object):

    def test_forward(self):
        true = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        pred = (true + numpy.random.uniform(-.3, .3, self.shape)).astype(
            self.dtype)
        if len(self.shape) == 2:
            true[:, 1] = 0.5  # constant target: score 0
        y = functions.r2_score(pred, true, multioutput=self.multioutput)
        expected = _r2_ref(pred, true)
        if self.multioutput == 'uniform_average':
            expected = expected.mean()
        assert y.dtype == self.dtype
        assert y.shape == numpy.shape(expected)
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-5
        numpy.testing.assert_allclose(y.array, expected, rtol=tol, atol=tol)


class TestR2ScoreErrors(object):

    def test_sample_weight(self):
        x = numpy.zeros((3,), numpy.float32)
        with pytest.raises(NotImplementedError):
            functions.r2_score(x, x, sample_weight=x)

    def test_multioutput(self):
        x = numpy.zeros((3,), numpy.float32)
        with pytest.raises(ValueError):
            functions.r2_score(x, x, multioutput='variance_weighted')

    def test_shape(self):
        with pytest.raises(type_check.InvalidType):
            functions.r2_score(numpy.zeros((3,), numpy.float32),
                               numpy.zeros((4,), numpy.float32))


testing.run_module(__name__, __file__)
