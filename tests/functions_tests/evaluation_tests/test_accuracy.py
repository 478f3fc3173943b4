import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _accuracy_ref(x, t, ignore_label):
    pred = x.argmax(axis=1).reshape(t.shape)
    if ignore_label is None:
        return (pred == t).mean()
    keep = t != ignore_label
    if keep.sum() == 0:
        return 0.0
    return (pred[keep] == t[keep]).sum() / float(keep.sum())


@testing.parameterize(*testing.product({
    'shapes': [((6, 3), (6,)), ((4, 3, 2), (4, 2)), ((4, 3, 2, 1), (4, 2))],
    'ignore_label': [None, 1],
    'dtype': [numpy.float32],
}) + [{'shapes': ((6, 3), (6,)), 'ignore_label': None, 'dtype': d}
      for d in (numpy.float16, numpy.float64)])
class TestAccuracy(object):

    def test_forward(self):
        x_shape, t_shape = self.shapes
        x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        t = numpy.random.randint(0, 3, t_shape).astype(numpy.int32)
        y = functions.accuracy(x, t, self.ignore_label)
        assert isinstance(y, chainerjax.Variable)
        assert y.shape == () and y.dtype == self.dtype
        numpy.testing.assert_allclose(
            y.array, _accuracy_ref(x, t, self.ignore_label), rtol=1e-3)


class TestAccuracyMisc(object):

    def test_all_ignored(self):
        x = numpy.zeros((3, 2), numpy.float32)
        t = numpy.full((3,), -1, numpy.int32)
        y = functions.accuracy(x, t, ignore_label=-1)
        assert float(y.array) == 0.0 and y.dtype == numpy.float32

    def test_no_gradient(self):
        x = chainerjax.Variable(numpy.random.rand(3, 2).astype(numpy.float32))
        y = functions.accuracy(x, numpy.array([0, 1, 0], numpy.int32))
        assert y.creator is not None
        y.backward()
        assert x.grad is None

    def test_invalid(self):
        with pytest.raises(type_check.InvalidType):
            functions.accuracy(numpy.zeros((3, 2), numpy.float32),
                               numpy.zeros((3,), numpy.float32))
        with pytest.raises(type_check.InvalidType):
            functions.accuracy(numpy.zeros((3, 2), numpy.float32),
                               numpy.zeros((4,), numpy.int32))
        with pytest.raises(type_check.InvalidType):
            functions.accuracy(numpy.zeros((3, 2, 2), numpy.float32),
                               numpy.zeros((3,), numpy.int32))


testing.run_module(__name__, __file__)
