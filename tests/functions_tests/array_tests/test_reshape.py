import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'in_shape,out_shape': [
        ((2, 3), (3, 2)),
        ((2, 3, 4), (6, -1)),
        ((2, 1), ()),
        ((), (1, 1)),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestReshape(testing.FunctionTestCase):

    def generate_inputs(self):
        if self.in_shape == (2, 1) and self.out_shape == ():
            # Only a one-element array becomes a scalar.
            self.in_shape = (1, 1)
        x = numpy.random.uniform(-1, 1, self.in_shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        y = functions.reshape(x, self.out_shape)
        return y,

    def forward_expected(self, inputs):
        x, = inputs
        return x.reshape(self.out_shape),


class TestReshapeErrors(object):

    def test_incompatible_size(self):
        x = numpy.zeros((2, 3), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            functions.reshape(x, (4, 2))

    def test_two_unknown_dims(self):
        x = numpy.zeros((2, 3), numpy.float32)
        # Chainer 7.8.1 fails with a bare assert here.
        with pytest.raises((ValueError, AssertionError)):
            functions.reshape(x, (-1, -1))

    def test_same_shape_is_identity_value(self):
        x = numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float32)
        y = functions.reshape(x, (2, 3))
        numpy.testing.assert_array_equal(y.array, x)


testing.run_module(__name__, __file__)
