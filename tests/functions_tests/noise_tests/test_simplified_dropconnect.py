import numpy
import pytest

from chainerjax import functions
from chainerjax import gradient_check
from chainerjax.utils import type_check


def _reference(x, W, b, mask, ratio):
    x2 = x.reshape(len(x), -1).astype(numpy.float64)
    Wm = W * (1. / (1 - ratio)) * mask
    if Wm.ndim == 3:
        y = numpy.einsum('ijk,ik->ij', Wm, x2)
    else:
        y = x2.dot(Wm.T)
    if b is not None:
        y = y + b
    return y


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@pytest.mark.parametrize('batchwise', [True, False])
@pytest.mark.parametrize('use_b', [True, False])
def test_simplified_dropconnect_given_mask(dtype, batchwise, use_b):
    x = numpy.random.uniform(-1, 1, (4, 2, 3)).astype(dtype)
    W = numpy.random.uniform(-1, 1, (5, 6)).astype(dtype)
    b = numpy.random.uniform(-1, 1, (5,)).astype(dtype) if use_b else None
    shape = (4, 5, 6) if batchwise else (5, 6)
    mask = numpy.random.rand(*shape) >= 0.4
    y = functions.simplified_dropconnect(
        x, W, b, ratio=0.4, mask=mask, use_batchwise_mask=batchwise)
    assert y.dtype == dtype and y.shape == (4, 5)
    numpy.testing.assert_allclose(y.array, _reference(x, W, b, mask, 0.4),
                                  rtol=1e-5, atol=1e-5)
    if dtype == numpy.float64:
        gy = numpy.random.uniform(-1, 1, (4, 5))
        args = (x, W) if b is None else (x, W, b)
        gradient_check.check_backward(
            lambda *a: functions.simplified_dropconnect(
                a[0], a[1], a[2] if len(a) == 3 else None, ratio=0.4,
                mask=mask, use_batchwise_mask=batchwise), args, gy)


def test_simplified_dropconnect_random_and_test_mode():
    x = numpy.ones((1000, 4), numpy.float32)
    W = numpy.ones((3, 4), numpy.float32)
    y = functions.simplified_dropconnect(x, W, ratio=0.5).array
    # each output is 2 * (number of kept weights): mean 4
    assert abs(y.mean() - 4) < 0.2
    assert set(numpy.unique(y).tolist()) <= {0., 2., 4., 6., 8.}
    y = functions.simplified_dropconnect(x, W, ratio=0.5, train=False)
    numpy.testing.assert_array_equal(y.array, numpy.full((1000, 3), 4.))


def test_simplified_dropconnect_bad_mask_shape():
    x = numpy.ones((2, 4), numpy.float32)
    W = numpy.ones((3, 4), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.simplified_dropconnect(
            x, W, mask=numpy.ones((3, 4), bool))
