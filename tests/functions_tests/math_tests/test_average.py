import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax import utils


@testing.parameterize(*(
    testing.product({
        'axis': [None, 1, (0, 2)],
        'use_weights': [False],
        'keepdims': [True, False],
        'dtype': [numpy.float16, numpy.float32, numpy.float64],
    }) + testing.product({
        'axis': [1, -1],
        'use_weights': [True],
        'keepdims': [True, False],
        'dtype': [numpy.float16, numpy.float32, numpy.float64],
    })
))
@testing.inject_backend_tests(None, [{}])
class TestAverage(testing.FunctionTestCase):

    shape = (3, 2, 4)

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 5e-3, 'rtol': 5e-3}
            self.check_backward_options = {'atol': 5e-3, 'rtol': 5e-2}
            self.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}
            self.check_double_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        if not self.use_weights:
            return x,
        w = numpy.random.uniform(
            0.5, 1, (self.shape[self.axis],)).astype(self.dtype)
        return x, w

    def forward(self, inputs, device):
        if self.use_weights:
            x, w = inputs
        else:
            x, = inputs
            w = None
        return functions.average(x, axis=self.axis, weights=w,
                                 keepdims=self.keepdims),

    def forward_expected(self, inputs):
        x = inputs[0].astype(numpy.float64)
        if self.use_weights:
            w = inputs[1].astype(numpy.float64)
            y = numpy.average(x, axis=self.axis, weights=w)
            if self.keepdims:
                y = numpy.expand_dims(y, self.axis)
        else:
            y = numpy.mean(x, axis=self.axis, keepdims=self.keepdims)
        return utils.force_array(y.astype(self.dtype)),


@testing.parameterize(*testing.product({
    'dtype': [numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestMean(testing.FunctionTestCase):

    # F.mean and Variable.mean are F.average.

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, (3, 4)).astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.mean(x, axis=0), x.mean(axis=1, keepdims=True)

    def forward_expected(self, inputs):
        x, = inputs
        return x.mean(axis=0), x.mean(axis=1, keepdims=True)


class TestAverageErrors(object):

    def test_weights_need_int_axis(self):
        x = numpy.zeros((2, 3), numpy.float32)
        w = numpy.ones((3,), numpy.float32)
        with pytest.raises(ValueError):
            functions.average(x, axis=(0, 1), weights=w)

    def test_weights_without_axis_broadcast(self):
        # As Chainer 7.8.1: without axis, x * weights broadcasts and the
        # total is divided by sum(weights).
        x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
        w = numpy.array([1, 2, 3], numpy.float32)
        y = functions.average(x, weights=w)
        numpy.testing.assert_allclose(y.array, (x * w).sum() / w.sum())


testing.run_module(__name__, __file__)
