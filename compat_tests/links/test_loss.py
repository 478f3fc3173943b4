"""``chainer.links.loss`` against real Chainer 7.8.1, as
``testing.LinkTestCase`` tests (cases in ``_link_cases.py``, fixtures from
``generate_linktests.py``).

Each class runs ``test_forward`` (outputs equal Chainer's),
``test_backward`` (numerical check of the inputs and of the direct
parameters ``case.checked_params``) and ``test_chainer`` (namedparams,
serialized state and the gradients of every parameter for a fixed upstream
gradient equal Chainer's). The samplers of NegativeSampling and BlackOut are
replaced by fixed samples.
"""
from chainerjax import testing
from compat_tests.links import _link_cases as C


def _params(name):
    return [d for t in C.get(name).tables for d in testing.product(t)]


_backends = testing.inject_backend_tests(None, [{}])


def test_fixture_has_every_case():
    assert C.fixture_case_keys('loss') == C.table_case_keys('loss')


@testing.parameterize(*_params('NegativeSampling'))
@_backends
class TestNegativeSampling(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NegativeSampling')


@testing.parameterize(*_params('BlackOut'))
@_backends
class TestBlackOut(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('BlackOut')


@testing.parameterize(*_params('CRF1d'))
@_backends
class TestCRF1d(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('CRF1d')


@testing.parameterize(*_params('BinaryHierarchicalSoftmax'))
@_backends
class TestBinaryHierarchicalSoftmax(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('BinaryHierarchicalSoftmax')
