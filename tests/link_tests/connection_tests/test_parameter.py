"""chainer.links.Parameter."""
import unittest

import jax
import numpy

import chainerjax.links as L
from chainerjax import testing
from tests.link_tests import _link_fixtures

FIXTURES = _link_fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('parameter'),
}))
class TestParameterMatchesChainer(unittest.TestCase):

    def test_case(self):
        FIXTURES.check(self.case)


def test_holds_the_given_array():
    a = numpy.arange(6, dtype=numpy.float64).reshape(2, 3)
    link = L.Parameter(a)
    assert link.W.array is a and link.W.dtype == numpy.float64
    assert [n for n, _ in link.namedparams()] == ['/W']
    y = link()
    assert y is not link.W and y.creator is not None
    numpy.testing.assert_array_equal(y.array, a)
    link.cleargrads()
    y.grad = numpy.ones((2, 3))
    y.backward()
    numpy.testing.assert_array_equal(link.W.grad, 1)


def test_jax_array_puts_the_link_on_its_device():
    a = jax.device_put(numpy.ones((2,), numpy.float32), jax.devices('cpu')[0])
    link = L.Parameter(a)
    assert isinstance(link.W.array, jax.Array)
    assert str(link.device) == '@jax:cpu:0'
