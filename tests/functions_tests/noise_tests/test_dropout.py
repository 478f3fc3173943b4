import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from chainerjax import gradient_check
from chainerjax import testing


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'ratio': [0.0, 0.3],
}))
@testing.inject_backend_tests(None, [{}])
class TestDropoutGivenMask(testing.FunctionTestCase):

    def setUp(self):
        self.mask = (numpy.random.rand(3, 4) >= self.ratio).astype(
            self.dtype) * self.dtype(1. / (1 - self.ratio))
        if self.dtype == numpy.float16:
            self.check_backward_options = {'atol': 5e-2, 'rtol': 5e-2}
            self.check_double_backward_options = {'atol': 5e-2, 'rtol': 5e-2}

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (3, 4)).astype(self.dtype),

    def forward(self, inputs, device):
        x, = inputs
        with chainer.using_config('train', True):
            return functions.dropout(x, self.ratio, mask=self.mask),

    def forward_expected(self, inputs):
        x, = inputs
        return (x * self.mask).astype(self.dtype),


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_dropout_mask_values_and_scale(dtype):
    x = numpy.random.uniform(1, 2, (50, 40)).astype(dtype)
    with chainer.using_config('train', True):
        y, mask = functions.dropout(x, 0.25, return_mask=True)
    assert isinstance(mask, numpy.ndarray)
    assert mask.dtype == dtype and mask.shape == x.shape
    scale = dtype(1. / 0.75)
    assert set(numpy.unique(mask).tolist()) <= {0.0, float(scale)}
    numpy.testing.assert_array_equal(y.array, (x * mask).astype(dtype))
    # About a quarter dropped.
    assert abs((mask == 0).mean() - 0.25) < 0.05


def test_dropout_gradient_is_mask():
    x = chainer.Variable(numpy.random.uniform(-1, 1, (5, 6)))
    with chainer.using_config('train', True):
        y, mask = functions.dropout(x, 0.5, return_mask=True)
    y.grad = numpy.ones_like(y.array)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, mask)


def test_dropout_given_mask_gradient():
    x = numpy.random.uniform(-1, 1, (3, 4))
    mask = (numpy.random.rand(3, 4) > .5) * 2.
    gy = numpy.random.uniform(-1, 1, (3, 4))
    with chainer.using_config('train', True):
        gradient_check.check_backward(
            lambda v: functions.dropout(v, mask=mask), x, gy)


def test_dropout_test_mode_identity():
    x = chainer.Variable(numpy.random.uniform(-1, 1, (3, 4))
                         .astype(numpy.float32))
    with chainer.using_config('train', False):
        y, mask = functions.dropout(x, 0.9, return_mask=True)
        y2 = functions.dropout(x.array)
    assert y is x
    assert mask is None
    numpy.testing.assert_array_equal(y2.array, x.array)


def test_dropout_ratio_zero_is_identity():
    x = numpy.random.uniform(-1, 1, (3, 4)).astype(numpy.float32)
    with chainer.using_config('train', True):
        y = functions.dropout(x, 0.0)
    numpy.testing.assert_array_equal(y.array, x)


def test_dropout_reproducible_numpy_seed():
    x = numpy.ones((20, 20), numpy.float32)
    with chainer.using_config('train', True):
        numpy.random.seed(3)
        _, m1 = functions.dropout(x, return_mask=True)
        _, m2 = functions.dropout(x, return_mask=True)
        numpy.random.seed(3)
        _, m3 = functions.dropout(x, return_mask=True)
    assert not numpy.array_equal(m1, m2)
    numpy.testing.assert_array_equal(m1, m3)


def test_dropout_reproducible_chainerjax_seed():
    x = numpy.ones((20, 20), numpy.float32)
    try:
        with chainer.using_config('train', True):
            chainer.random.seed(5)
            _, m1 = functions.dropout(x, return_mask=True)
            _, m2 = functions.dropout(x, return_mask=True)
            chainer.random.seed(5)
            numpy.random.seed(123)  # not used while seeded
            _, m3 = functions.dropout(x, return_mask=True)
    finally:
        chainer.random.reset()
    assert not numpy.array_equal(m1, m2)
    numpy.testing.assert_array_equal(m1, m3)


def test_dropout_mask_reuse():
    x = numpy.random.uniform(-1, 1, (4, 5)).astype(numpy.float32)
    with chainer.using_config('train', True):
        y1, mask = functions.dropout(x, 0.5, return_mask=True)
        y2 = functions.dropout(x, 0.1, mask=mask)
    numpy.testing.assert_array_equal(y1.array, y2.array)


def test_dropout_errors():
    x = numpy.zeros((2,), numpy.float32)
    with chainer.using_config('train', True):
        with pytest.raises(ValueError):
            functions.dropout(x, 1.0)
        with pytest.raises(ValueError):
            functions.dropout(x, train=True)
        with pytest.raises(TypeError):
            functions.dropout(x, foo=1)
        with pytest.raises(chainer.utils.type_check.InvalidType):
            functions.dropout(numpy.zeros((2,), numpy.int32))
