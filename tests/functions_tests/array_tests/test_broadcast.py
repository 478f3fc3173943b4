import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'in_shape,out_shape': [
        ((3, 1, 5), (3, 2, 5)),
        ((5,), (3, 2, 5)),
        ((), (2, 3)),
        ((3, 2), (3, 2)),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestBroadcastTo(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            # The gradient sums float16 values.
            self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-2}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.in_shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.broadcast_to(x, self.out_shape),

    def forward_expected(self, inputs):
        x, = inputs
        return numpy.broadcast_to(x, self.out_shape).copy(),


@testing.parameterize(*testing.product({
    'shapes': [
        [(3, 1, 5), (1, 2, 5), (5,)],
        [(2, 3), ()],
        [(4,), (4,)],
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestBroadcast(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_backward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_double_backward_options = {'atol': 1e-3, 'rtol': 1e-2}

    def generate_inputs(self):
        return tuple([
            numpy.random.uniform(-1, 1, shape).astype(self.dtype)
            for shape in self.shapes])

    def forward(self, inputs, device):
        ys = functions.broadcast(*inputs)
        return ys if isinstance(ys, tuple) else (ys,)

    def forward_expected(self, inputs):
        return tuple([a.copy() for a in numpy.broadcast_arrays(*inputs)])


class TestBroadcastErrors(object):

    def test_broadcast_to_incompatible(self):
        with pytest.raises(type_check.InvalidType):
            functions.broadcast_to(numpy.zeros((3, 2), numpy.float32), (3, 4))

    def test_broadcast_incompatible(self):
        with pytest.raises(type_check.InvalidType):
            functions.broadcast(numpy.zeros((3, 2), numpy.float32),
                                numpy.zeros((4, 2), numpy.float32))

    def test_broadcast_single_input(self):
        x = numpy.zeros((3, 2), numpy.float32)
        y = functions.broadcast(x)
        assert y.shape == (3, 2)


testing.run_module(__name__, __file__)
