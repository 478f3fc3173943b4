import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


class _IndexesMixin(object):

    def test_indexes(self, backend_config):
        expected = FIXTURES.extra(self.case, 'indexes')
        if expected is None:
            return
        y, indexes = self.func(*self.inputs, **self.kwargs)
        assert isinstance(indexes, numpy.ndarray)
        assert indexes.shape == y.shape
        numpy.testing.assert_array_equal(indexes, expected)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('max_pooling_2d'),
}))
@testing.inject_backend_tests(None, [{}])
class TestMaxPooling2D(_IndexesMixin, _fixtures.FixtureTestCase):

    fixtures = FIXTURES

    func = staticmethod(functions.max_pooling_2d)
    double_backward_cases = ('max_pooling_2d_k3s2p1_float64',)
    # ties: only compared with Chainer (the gradient goes to the first max)
    nondifferentiable_cases = tuple(
        'max_pooling_2d_{}_{}'.format(c, d)
        for c in ('ties', 'tiesflat') for d in ('float32', 'float64'))


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('max_pooling_nd1'),
}))
@testing.inject_backend_tests(None, [{}])
class TestMaxPooling1D(_IndexesMixin, _fixtures.FixtureTestCase):

    fixtures = FIXTURES

    func = staticmethod(functions.max_pooling_1d)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('max_pooling_nd3'),
}))
@testing.inject_backend_tests(None, [{}])
class TestMaxPooling3D(_IndexesMixin, _fixtures.FixtureTestCase):

    fixtures = FIXTURES

    func = staticmethod(functions.max_pooling_3d)
    double_backward_cases = ('max_pooling_nd3_opts_float64',)


def test_max_pooling_nd_is_2d():
    inputs, kwargs, y, _, _ = FIXTURES.case('max_pooling_2d_rect_float64')
    numpy.testing.assert_array_equal(
        functions.max_pooling_nd(*inputs, **kwargs).array, y)


def test_wrong_ndim():
    x = numpy.zeros((1, 2, 4, 4), numpy.float32)
    with pytest.raises(ValueError):
        functions.max_pooling_1d(x, 2)
    with pytest.raises(ValueError):
        functions.max_pooling_3d(x, 2)
    with pytest.raises(ValueError):
        functions.max_pooling_2d(x[0], 2)


testing.run_module(__name__, __file__)
