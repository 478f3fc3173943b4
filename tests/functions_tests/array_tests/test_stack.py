import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'axis': [0, 2, -1, -3],
    'dtype': [numpy.float32],
}) + [{'axis': 1, 'dtype': numpy.float16},
      {'axis': 1, 'dtype': numpy.float64}])
@testing.inject_backend_tests(None, [{}])
class TestStack(testing.FunctionTestCase):

    def generate_inputs(self):
        return tuple(numpy.random.uniform(-1, 1, (2, 3)).astype(self.dtype)
                     for _ in range(3))

    def forward(self, inputs, device):
        return functions.stack(inputs, self.axis),

    def forward_expected(self, inputs):
        return numpy.stack(inputs, self.axis),


class TestStackErrors(object):

    def test_shape_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.stack([numpy.zeros((2, 3), numpy.float32),
                             numpy.zeros((3, 2), numpy.float32)])

    def test_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            functions.stack([numpy.zeros((2, 3), numpy.float32)] * 2, 3)
        with pytest.raises(type_check.InvalidType):
            functions.stack([numpy.zeros((2, 3), numpy.float32)] * 2, -4)


testing.run_module(__name__, __file__)
