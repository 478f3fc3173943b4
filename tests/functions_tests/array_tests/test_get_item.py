import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from chainerjax import testing
from chainerjax import utils


_slices = [
    0,
    -1,
    slice(1, 3),
    slice(None, None, -1),
    (1, slice(None), 0),
    (Ellipsis, 1),
    (None, slice(0, 2), Ellipsis),
    (slice(None), None, 1),
    numpy.array([1, 0, 3]),           # advanced indexing, repeated below
    ([0, 1, 1], slice(None), 0),
    numpy.array([True, False, True, True]),
]


@testing.parameterize(*testing.product({
    'slices': _slices,
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestGetItem(testing.FunctionTestCase):

    shape = (4, 3, 2)

    def setUp(self):
        if self.dtype == numpy.float16:
            # Repeated indices sum float16 gradients.
            self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-2}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.get_item(x, self.slices),

    def forward_expected(self, inputs):
        x, = inputs
        return utils.force_array(x[self.slices]),


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestGetItemRepeatedIndex(testing.FunctionTestCase):

    # Gradients of repeated indices accumulate.

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, (3, 2)).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return x[[0, 2, 0, 0]],

    def forward_expected(self, inputs):
        x, = inputs
        return x[[0, 2, 0, 0]],


class TestGetItemGradient(object):

    def test_repeated_index_accumulates(self):
        x = chainer.Variable(numpy.zeros((3,), numpy.float32))
        y = x[[0, 0, 2]]
        y.grad = numpy.array([1, 2, 3], numpy.float32)
        y.backward()
        numpy.testing.assert_array_equal(x.grad, [3, 0, 3])

    def test_out_of_bounds(self):
        x = numpy.zeros((3, 2), numpy.float32)
        with pytest.raises(IndexError):
            functions.get_item(x, 3)


testing.run_module(__name__, __file__)
