import numpy

from chainerjax import functions
from chainerjax import testing


@testing.parameterize(*testing.product({
    'in_shape,axes': [
        ((4, 3, 2), None),
        ((4, 3, 2), (2, 0, 1)),
        ((4, 3, 2), (-1, 0, 1)),
        ((2,), (0,)),
        ((3, 2), (1, 0)),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestTranspose(testing.FunctionTestCase):

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.in_shape).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.transpose(x, self.axes),

    def forward_expected(self, inputs):
        x, = inputs
        return x.transpose(self.axes),


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestTransposeProperty(testing.FunctionTestCase):

    # Variable.T and Variable.transpose(*axes) are F.transpose.

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, (4, 3, 2)).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return x.T, x.transpose(1, 2, 0)

    def forward_expected(self, inputs):
        x, = inputs
        return x.T, x.transpose(1, 2, 0)


testing.run_module(__name__, __file__)
