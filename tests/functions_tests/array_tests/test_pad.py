import numpy

import chainerjax
from chainerjax import functions
from chainerjax import testing


@testing.parameterize(*testing.product({
    'pad_width,mode,kw': [
        (1, 'constant', {}),
        (((1, 2), (0, 1)), 'constant', {'constant_values': 3}),
        (numpy.array([1, 2]), 'constant',
         {'constant_values': ((1, 2), (3, 4))}),
    ],
    'dtype': [numpy.float32],
}) + [
    {'pad_width': 1, 'mode': 'constant', 'kw': {}, 'dtype': numpy.float16},
    {'pad_width': 1, 'mode': 'constant', 'kw': {}, 'dtype': numpy.float64},
    {'pad_width': ((1, 2), (2, 1)), 'mode': 'edge', 'kw': {},
     'dtype': numpy.float32},
    {'pad_width': 1, 'mode': 'reflect', 'kw': {}, 'dtype': numpy.float32},
])
@testing.inject_backend_tests(None, [{}])
class TestPad(testing.FunctionTestCase):

    def setUp(self):
        if self.mode != 'constant':
            # Chainer's gradient is the slice of gy at x's positions, not
            # the derivative of the copied values: checked below instead.
            self.skip_backward_test = True
            self.skip_double_backward_test = True

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (3, 4)).astype(self.dtype),

    def forward(self, inputs, device):
        return functions.pad(inputs[0], self.pad_width, self.mode, **self.kw),

    def forward_expected(self, inputs):
        return numpy.pad(inputs[0], self.pad_width, self.mode, **self.kw),


def test_gradient_is_slice_for_edge_mode():
    # As in Chainer: values copied into the padding carry no gradient.
    x = chainerjax.Variable(numpy.ones((2, 2), numpy.float32))
    y = functions.pad(x, 1, 'edge')
    functions.sum(y).backward()
    numpy.testing.assert_array_equal(x.grad, numpy.ones((2, 2)))


testing.run_module(__name__, __file__)
