import numpy

from chainerjax import functions
from chainerjax import testing


@testing.parameterize(
    {'axis1': 0, 'axis2': 2}, {'axis1': -1, 'axis2': 1},
)
@testing.inject_backend_tests(None, [{}])
class TestSwapaxes(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.swapaxes(inputs[0], self.axis1, self.axis2),

    def forward_expected(self, inputs):
        return inputs[0].swapaxes(self.axis1, self.axis2),


testing.run_module(__name__, __file__)
