import numpy
import pytest

from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('shapes', [((3, 2), (3, 2)), ((3, 2), (2,)),
                                    ((), (3,))])
@pytest.mark.parametrize('name', ['maximum', 'minimum'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_maximum_minimum(shapes, name, dtype):
    # Inputs away from the kink x1 == x2, where a central difference
    # straddles both branches.
    while True:
        x1 = numpy.random.uniform(-1, 1, shapes[0]).astype(dtype)
        x2 = numpy.random.uniform(-1, 1, shapes[1]).astype(dtype)
        if numpy.abs(x1.astype(numpy.float64) - x2).min() > 0.05:
            break
    f = getattr(functions, name)
    y = f(x1, x2)
    expected = getattr(numpy, name)(x1, x2)
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_array_equal(y.array, expected)
    _numgrad.check_backward(f, (x1, x2), double=dtype == numpy.float64)


@pytest.mark.parametrize('name', ['maximum', 'minimum'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_ties_go_to_x1_as_in_chainer(name, dtype):
    fixtures.check_against_chainer(
        getattr(functions, name), 'kink_' + name, dtype)


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.maximum(numpy.zeros(2, numpy.float32),
                          numpy.zeros(2, numpy.float64))
