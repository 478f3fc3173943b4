import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from tests.functions_tests.connection_tests import _fixtures

FIXTURES = _fixtures.here(__file__)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('average_pooling_nd1'),
}))
@testing.inject_backend_tests(None, [{}])
class TestAveragePooling1D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.average_pooling_1d)
    double_backward_cases = ('average_pooling_nd1_padnone_float64',)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('average_pooling_nd2'),
}))
@testing.inject_backend_tests(None, [{}])
class TestAveragePoolingND(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.average_pooling_nd)


@testing.parameterize(*testing.product({
    'case': FIXTURES.names('average_pooling_nd3'),
}))
@testing.inject_backend_tests(None, [{}])
class TestAveragePooling3D(_fixtures.FixtureTestCase):

    fixtures = FIXTURES
    func = staticmethod(functions.average_pooling_3d)


def test_errors():
    x = numpy.zeros((1, 2, 4), numpy.float32)
    with pytest.raises(ValueError):
        functions.average_pooling_1d(x, 2, pad_value=1)
    with pytest.raises(ValueError):
        functions.average_pooling_3d(x, 2)


testing.run_module(__name__, __file__)
