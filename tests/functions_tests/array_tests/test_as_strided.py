import numpy
import pytest
from numpy.lib import stride_tricks

from chainerjax import functions
from chainerjax import testing


@testing.parameterize(
    {'shape': (3, 4), 'strides': (4, 1), 'offset': None},
    {'shape': (3, 4), 'strides': (2, 1), 'offset': 1},
    {'shape': (2, 3), 'strides': (0, 2), 'offset': 2},
    {'shape': (4,), 'strides': (-3,), 'offset': 11},
)
@testing.inject_backend_tests(None, [{}])
class TestAsStrided(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32),

    def forward(self, inputs, device):
        x, = inputs
        return functions.as_strided(x, self.shape, self.strides,
                                    self.offset),

    def forward_expected(self, inputs):
        flat = numpy.ascontiguousarray(inputs[0]).ravel()
        offset = self.offset or 0
        base = flat[offset:]
        itemsize = flat.itemsize
        y = stride_tricks.as_strided(
            base, self.shape, tuple(s * itemsize for s in self.strides))
        return y.copy(),


class TestAsStridedErrors(object):

    def test_too_large(self):
        with pytest.raises(ValueError):
            functions.as_strided(numpy.zeros((6,), numpy.float32),
                                 (2, 3), (3, 1), 1)

    def test_too_small(self):
        with pytest.raises(ValueError):
            functions.as_strided(numpy.zeros((6,), numpy.float32),
                                 (3,), (-1,), 1)


testing.run_module(__name__, __file__)
