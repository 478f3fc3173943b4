"""``chainer.links.activation`` against real Chainer 7.8.1, as
``testing.LinkTestCase`` tests (cases in ``_link_cases.py``, fixtures from
``generate_linktests.py``).

Each class runs ``test_forward`` (outputs equal Chainer's),
``test_backward`` (numerical check of the inputs and of the direct
parameters ``case.checked_params``) and ``test_chainer`` (namedparams,
serialized state and the gradients of every parameter for a fixed upstream
gradient equal Chainer's). Maxout's W and b belong to its child ``linear``:
``test_chainer`` checks their gradients.
"""
import numpy

from chainerjax import initializers
from chainerjax import testing
from compat_tests.links import _link_cases as C


def _params(name):
    return [d for t in C.get(name).tables for d in testing.product(t)]


_backends = testing.inject_backend_tests(None, [{}])


def test_fixture_has_every_case():
    assert C.fixture_case_keys('activation') == C.table_case_keys('activation')


@testing.parameterize(*_params('Maxout'))
@_backends
class TestMaxout(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Maxout')


@testing.parameterize(*_params('PReLU'))
@_backends
class TestPReLU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('PReLU')


@testing.parameterize(*_params('SimplifiedDropconnect'))
@_backends
class TestSimplifiedDropconnect(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('SimplifiedDropconnect')


@testing.parameterize(*_params('Swish'))
@_backends
class TestSwish(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Swish')


@testing.parameterize(*testing.product({'dtype': C.FLOATS}))
@_backends
class TestPReLUInitializers(C.CaseAdapter,
                            testing.LinkInitializersTestCase):
    # W from each initializer in turn (the default init is 0.25)
    case = C.get('PReLU')
    param_names = ('W',)

    def get_initializers(self):
        return ([initializers.Constant(.1), numpy.array([.5, -1., 2.]),
                 initializers.Zero()],)
