import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'shape': [(5,), (3, 4)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestBinaryAccuracy(object):

    def test_forward(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        t = numpy.random.randint(-1, 2, self.shape).astype(numpy.int32)
        y = functions.binary_accuracy(x, t)
        assert y.shape == () and y.dtype == self.dtype
        keep = t != -1
        expected = ((x >= 0) == t)[keep].sum() / max(1, keep.sum())
        numpy.testing.assert_allclose(y.array, expected, rtol=1e-3)


class TestBinaryAccuracyMisc(object):

    def test_all_ignored(self):
        y = functions.binary_accuracy(numpy.zeros((3,), numpy.float32),
                                      numpy.full((3,), -1, numpy.int32))
        assert float(y.array) == 0.0

    def test_shape_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.binary_accuracy(numpy.zeros((3,), numpy.float32),
                                      numpy.zeros((4,), numpy.int32))


testing.run_module(__name__, __file__)
