import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from chainerjax import testing
from chainerjax import utils
from chainerjax.utils import type_check


def _log_softmax(x):
    x = x.astype(numpy.float64)
    m = x.max(axis=1, keepdims=True)
    return x - m - numpy.log(numpy.exp(x - m).sum(axis=1, keepdims=True))


def _tolerances(test):
    if test.dtype == numpy.float16:
        test.check_forward_options = {'atol': 5e-3, 'rtol': 5e-3}
        test.check_backward_options = {'atol': 5e-3, 'rtol': 5e-2}
        test.check_double_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
    else:
        test.check_forward_options = {'atol': 1e-6, 'rtol': 1e-5}
        test.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}
        test.check_double_backward_options = {'atol': 1e-4, 'rtol': 1e-3}


@testing.parameterize(*(
    testing.product({
        'shape,ignore_index': [
            ((4, 3), None),
            ((4, 3), (1,)),             # one ignored label
            ((2, 3, 2), (0, 1)),        # spatial labels (N, C, H)
        ],
        'normalize': [True, False],
        'class_weight': [None, 'random'],
        'reduce': ['mean'],
        'dtype': [numpy.float16, numpy.float32, numpy.float64],
    }) + testing.product({
        'shape,ignore_index': [((4, 3), (2,)), ((2, 3, 2), (1, 0))],
        'normalize': [True],
        'class_weight': [None, 'random'],
        'reduce': ['no'],
        'dtype': [numpy.float32, numpy.float64],
    })
))
@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
class TestSoftmaxCrossEntropy(testing.FunctionTestCase):

    ignore_label = -1

    def setUp(self):
        _tolerances(self)
        if self.class_weight == 'random':
            self.cw = numpy.random.uniform(
                0.5, 2, (self.shape[1],)).astype(self.dtype)
        else:
            self.cw = None

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        t_shape = (self.shape[0],) + self.shape[2:]
        t = numpy.random.randint(0, self.shape[1], t_shape).astype(
            numpy.int32)
        if self.ignore_index is not None:
            t[self.ignore_index] = self.ignore_label
        return x, t

    def generate_grad_grad_inputs(self, inputs_template):
        x, t = inputs_template
        return numpy.random.uniform(-1, 1, x.shape).astype(x.dtype),

    def forward(self, inputs, device):
        x, t = inputs
        cw = None if self.cw is None else device.send(self.cw)
        loss = functions.softmax_cross_entropy(
            x, t, normalize=self.normalize, class_weight=cw,
            ignore_label=self.ignore_label, reduce=self.reduce,
            enable_double_backprop=self.test_name == 'test_double_backward')
        return loss,

    def forward_expected(self, inputs):
        x, t = inputs
        log_y = _log_softmax(x)
        if self.cw is not None:
            shape = [1] * x.ndim
            shape[1] = -1
            log_y = log_y * self.cw.astype(numpy.float64).reshape(shape)
        valid = t != self.ignore_label
        t_safe = numpy.where(valid, t, 0)
        log_p = numpy.take_along_axis(
            log_y, numpy.expand_dims(t_safe, 1), axis=1)[:, 0]
        loss = -log_p * valid
        if self.reduce == 'mean':
            count = valid.sum() if self.normalize else x.shape[0]
            loss = loss.sum() / max(count, 1)
        return utils.force_array(loss.astype(self.dtype)),


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (2, 3, 2)],
    'soft_target_loss': ['cross-entropy', 'kl-divergence'],
    'reduce': ['mean', 'no'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(None, [{}])
class TestSoftmaxCrossEntropySoftTarget(testing.FunctionTestCase):

    def setUp(self):
        _tolerances(self)

    # The soft targets are data (Chainer gives them no gradient), so they
    # are not an input of the checked function: only x is.

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        # Soft targets are distributions over the classes (axis 1).
        t = numpy.random.uniform(0.1, 1, self.shape)
        t /= t.sum(axis=1, keepdims=True)
        self.t = t.astype(self.dtype)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return functions.softmax_cross_entropy(
            x, device.send(self.t), reduce=self.reduce,
            soft_target_loss=self.soft_target_loss),

    def forward_expected(self, inputs):
        x, = inputs
        t = self.t.astype(numpy.float64)
        log_y = _log_softmax(x)
        if self.soft_target_loss == 'kl-divergence':
            loss = (t * (numpy.log(t + 1e-7) - log_y)).sum(axis=1)
        else:
            loss = -(t * log_y).sum(axis=1)
        if self.reduce == 'mean':
            loss = loss.sum() / (x.size / x.shape[1])
        return utils.force_array(loss.astype(self.dtype)),


class TestSoftmaxCrossEntropyMisc(object):

    def test_all_ignored_gives_zero(self):
        x = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
        t = numpy.full((3,), -1, numpy.int32)
        xv = chainer.Variable(x)
        loss = functions.softmax_cross_entropy(xv, t)
        assert float(loss.array) == 0
        loss.backward()
        numpy.testing.assert_array_equal(xv.grad, numpy.zeros_like(x))

    def test_custom_ignore_label(self):
        x = numpy.random.uniform(-1, 1, (3, 4))
        t = numpy.array([1, 7, 2], numpy.int32)
        loss = functions.softmax_cross_entropy(x, t, ignore_label=7)
        log_y = _log_softmax(x)
        expected = -(log_y[0, 1] + log_y[2, 2]) / 2
        numpy.testing.assert_allclose(loss.array, expected, rtol=1e-12)

    def test_invalid_reduce(self):
        x = numpy.zeros((3, 4), numpy.float32)
        t = numpy.zeros((3,), numpy.int32)
        with pytest.raises(ValueError):
            functions.softmax_cross_entropy(x, t, reduce='sum')

    def test_invalid_soft_target_loss(self):
        x = numpy.zeros((3, 4), numpy.float32)
        with pytest.raises(ValueError):
            functions.softmax_cross_entropy(x, x, soft_target_loss='l2')

    def test_label_shape_mismatch(self):
        x = numpy.zeros((3, 4), numpy.float32)
        t = numpy.zeros((4,), numpy.int32)
        # Chainer 7.8.1 raises RuntimeError here too (its full type check
        # evaluates an expression as bool).
        with pytest.raises((type_check.InvalidType, RuntimeError)):
            functions.softmax_cross_entropy(x, t)

    def test_label_out_of_range_in_debug_mode(self):
        x = numpy.zeros((3, 4), numpy.float32)
        t = numpy.array([0, 4, 1], numpy.int32)
        with chainer.using_config('debug', True):
            with pytest.raises(ValueError):
                functions.softmax_cross_entropy(x, t)

    def test_label_gets_no_gradient(self):
        x = chainer.Variable(numpy.random.uniform(-1, 1, (3, 4)))
        t = chainer.Variable(numpy.array([0, 3, 1], numpy.int32))
        functions.softmax_cross_entropy(x, t).backward()
        assert t.grad is None
        assert x.grad is not None


testing.run_module(__name__, __file__)
