import numpy
import pytest

import chainerjax as chainer
from chainerjax import functions


@pytest.mark.parametrize('name', ['floor', 'ceil', 'fix', 'sign'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_not_differentiable(name, dtype):
    # Chainer computes these outside the graph: a new Variable that
    # requires no gradient and has no creator.
    x = chainer.Variable(numpy.array([-1.5, -0.5, 0., 0.5, 2.], dtype))
    y = getattr(functions, name)(x)
    assert y.dtype == dtype
    assert y.creator is None
    assert not y.requires_grad
    numpy.testing.assert_array_equal(y.array, getattr(numpy, name)(x.array))


def test_sign_of_ints():
    y = functions.sign(numpy.array([-3, 0, 2], numpy.int32))
    assert y.dtype == numpy.int32
    numpy.testing.assert_array_equal(y.array, [-1, 0, 1])
