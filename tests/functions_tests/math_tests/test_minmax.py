import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions
from chainerjax.utils import type_check
from tests.functions_tests import _numgrad
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('axis,keepdims', [(None, False), (1, False),
                                           ((0, 2), True), (-1, True)])
@pytest.mark.parametrize('name', ['max', 'min'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_max_min(axis, keepdims, name, dtype):
    x = numpy.random.permutation(24).reshape(2, 3, 4).astype(dtype)
    f = getattr(functions, name)
    y = f(x, axis=axis, keepdims=keepdims)
    expected = getattr(numpy, 'a' + name)(x, axis=axis, keepdims=keepdims)
    assert y.dtype == dtype and y.shape == expected.shape
    numpy.testing.assert_array_equal(y.array, expected)
    _numgrad.check_backward(
        lambda v: f(v, axis=axis, keepdims=keepdims), (x,),
        double=dtype == numpy.float64)


@pytest.mark.parametrize('case', ['kink_max', 'kink_min', 'kink_max_all'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_ties_get_the_full_gradient_as_in_chainer(case, dtype):
    func = {'kink_max': lambda x: functions.max(x, axis=1),
            'kink_min': lambda x: functions.min(x, axis=1),
            'kink_max_all': functions.max}[case]
    fixtures.check_against_chainer(func, case, dtype)


@pytest.mark.parametrize('axis', [None, 0, 1, -1])
@pytest.mark.parametrize('name', ['argmax', 'argmin'])
def test_argmax_argmin(axis, name):
    x = numpy.random.permutation(12).reshape(3, 4).astype(numpy.float32)
    xv = chainer.Variable(x)
    y = getattr(functions, name)(xv, axis=axis)
    expected = getattr(numpy, name)(x, axis=axis)
    assert y.dtype == numpy.int32
    numpy.testing.assert_array_equal(y.array, expected)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.max(x, axis=(0, 0))
    with pytest.raises(TypeError):
        functions.max(x, axis=[0])
    with pytest.raises(TypeError):
        functions.argmax(x, axis=(0,))
    with pytest.raises(type_check.InvalidType):
        functions.argmax(x, axis=2)
    with pytest.raises(type_check.InvalidType):
        functions.min(x, axis=-3)
