import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    't_dtype': [numpy.int32, numpy.int64],
}))
@testing.inject_backend_tests(None, [{}])
class TestSelectItem(testing.FunctionTestCase):

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, (4, 3)).astype(self.dtype)
        t = numpy.random.randint(0, 3, (4,)).astype(self.t_dtype)
        return x, t

    def forward(self, inputs, device):
        x, t = inputs
        return functions.select_item(x, t),

    def forward_expected(self, inputs):
        x, t = inputs
        return x[numpy.arange(4), t],


class TestSelectItemErrors(object):

    def test_t_not_int(self):
        with pytest.raises(type_check.InvalidType):
            functions.select_item(numpy.zeros((2, 3), numpy.float32),
                                  numpy.zeros((2,), numpy.float32))

    def test_shape_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            functions.select_item(numpy.zeros((2, 3), numpy.float32),
                                  numpy.zeros((3,), numpy.int32))

    def test_out_of_range_in_debug(self):
        with chainerjax.using_config('debug', True):
            with pytest.raises(ValueError):
                functions.select_item(numpy.zeros((2, 3), numpy.float32),
                                      numpy.array([0, 3], numpy.int32))


testing.run_module(__name__, __file__)
