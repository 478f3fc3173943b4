import numpy

from chainerjax import functions
from chainerjax import testing


@testing.parameterize(
    {'shape': (2, 3, 4)}, {'shape': ()},
)
@testing.inject_backend_tests(None, [{}])
class TestFlatten(testing.FunctionTestCase):

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.shape).astype(numpy.float32),

    def forward(self, inputs, device):
        return functions.flatten(inputs[0]),

    def forward_expected(self, inputs):
        return inputs[0].reshape(-1),


testing.run_module(__name__, __file__)
