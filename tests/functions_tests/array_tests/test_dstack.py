import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(
    {'shapes': [(2,), (3,)] if 'dstack' == 'hstack' else [(3,), (3,)]},
    {'shapes': [(2, 3, 4), (2, 3, 4)]},
    {'shapes': [()]},
    {'shapes': [(2, 3)]},
)
@testing.inject_backend_tests(None, [{}])
class TestDstack(testing.FunctionTestCase):

    def generate_inputs(self):
        return tuple(numpy.random.uniform(-1, 1, s).astype(numpy.float32)
                     for s in self.shapes)

    def forward(self, inputs, device):
        return functions.dstack(inputs),

    def forward_expected(self, inputs):
        return numpy.dstack(inputs),


class TestDstackErrors(object):

    def test_dtype_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.dstack([numpy.zeros((2, 3, 4), numpy.float32),
                             numpy.zeros((2, 3, 4), numpy.float64)])

    def test_ndim_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.dstack([numpy.zeros((2, 3, 4), numpy.float32),
                             numpy.zeros((2, 3), numpy.float32)])


testing.run_module(__name__, __file__)
