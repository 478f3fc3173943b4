import numpy

import chainerjax as chainer
from chainerjax import functions
from chainerjax import testing


@testing.parameterize(*testing.product({
    'n_inputs': [1, 2],
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestIdentity(testing.FunctionTestCase):

    def generate_inputs(self):
        return tuple([
            numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
            for _ in range(self.n_inputs)])

    def forward(self, inputs, device):
        ys = functions.identity(*inputs)
        return ys if isinstance(ys, tuple) else (ys,)

    def forward_expected(self, inputs):
        return tuple([x.copy() for x in inputs])


class TestIdentityMisc(object):

    def test_single_input_returns_variable(self):
        x = numpy.ones((2,), numpy.float32)
        assert isinstance(functions.identity(x), chainer.Variable)

    def test_new_variable_in_graph(self):
        x = chainer.Variable(numpy.ones((2,), numpy.float32))
        y = functions.identity(x)
        assert y is not x
        assert y.creator is not None


testing.run_module(__name__, __file__)
