import numpy
import pytest

from chainerjax import functions


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('axis', [0, 1])
def test_gumbel_softmax_shape_and_sum(dtype, axis):
    log_pi = numpy.log(numpy.random.uniform(.1, 1, (3, 4))).astype(dtype)
    y = functions.gumbel_softmax(log_pi, tau=1.0, axis=axis)
    assert y.shape == log_pi.shape and y.dtype == dtype
    numpy.testing.assert_allclose(y.array.astype(numpy.float64).sum(axis),
                                  1, rtol=1e-2)


def test_gumbel_softmax_samples_categorical():
    # With a small temperature the samples are nearly one-hot and the argmax
    # follows the categorical distribution pi.
    pi = numpy.array([0.1, 0.2, 0.7])
    log_pi = numpy.tile(numpy.log(pi), (4000, 1)).astype(numpy.float32)
    numpy.random.seed(1)
    y = functions.gumbel_softmax(log_pi, tau=0.1).array
    freq = numpy.bincount(y.argmax(1), minlength=3) / 4000.
    numpy.testing.assert_allclose(freq, pi, atol=0.03)
    numpy.random.seed(1)
    y2 = functions.gumbel_softmax(log_pi, tau=0.1).array
    numpy.testing.assert_array_equal(y, y2)


def test_gumbel_softmax_scalar_and_gradient():
    y = functions.gumbel_softmax(numpy.array(1., numpy.float32))
    assert y.shape == () and y.array == 1
    import chainerjax as chainer
    x = chainer.Variable(numpy.random.uniform(-1, 1, (2, 3)))
    y = functions.gumbel_softmax(x, tau=1.)
    y.grad = numpy.random.uniform(-1, 1, (2, 3))
    y.backward()
    assert x.grad.shape == (2, 3)
    # softmax gradient sums to zero along the class axis
    numpy.testing.assert_allclose(x.grad.sum(1), 0, atol=1e-12)
