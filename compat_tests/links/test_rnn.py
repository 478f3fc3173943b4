"""``chainer.links.rnn`` against real Chainer 7.8.1, as
``testing.LinkTestCase`` tests (cases in ``_link_cases.py``, fixtures from
``generate_linktests.py``).

Each class runs ``test_forward`` (outputs equal Chainer's),
``test_backward`` (numerical check of the inputs and of the direct
parameters ``case.checked_params``) and ``test_chainer`` (namedparams,
serialized state and the gradients of every parameter for a fixed upstream
gradient equal Chainer's). The cells are chains (their parameters are in
child links): checked numerically in float64 only. The NStep links are not
checked numerically (slow): their gradients are compared with Chainer's
only.
"""
from chainerjax import testing
from compat_tests.links import _link_cases as C


def _params(name):
    return [d for t in C.get(name).tables for d in testing.product(t)]


_backends = testing.inject_backend_tests(None, [{}])


def test_fixture_has_every_case():
    assert C.fixture_case_keys('rnn') == C.table_case_keys('rnn')


@testing.parameterize(*_params('LSTM'))
@_backends
class TestLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('LSTM')


@testing.parameterize(*_params('StatefulGRU'))
@_backends
class TestStatefulGRU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatefulGRU')


@testing.parameterize(*_params('GRU'))
@_backends
class TestGRU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('GRU')


@testing.parameterize(*_params('StatefulMGU'))
@_backends
class TestStatefulMGU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatefulMGU')


@testing.parameterize(*_params('StatefulPeepholeLSTM'))
@_backends
class TestStatefulPeepholeLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatefulPeepholeLSTM')


@testing.parameterize(*_params('StatefulZoneoutLSTM'))
@_backends
class TestStatefulZoneoutLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatefulZoneoutLSTM')


@testing.parameterize(*_params('StatelessLSTM'))
@_backends
class TestStatelessLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatelessLSTM')


@testing.parameterize(*_params('StatelessGRU'))
@_backends
class TestStatelessGRU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatelessGRU')


@testing.parameterize(*_params('StatelessMGU'))
@_backends
class TestStatelessMGU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('StatelessMGU')


@testing.parameterize(*_params('NStepLSTM'))
@_backends
class TestNStepLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepLSTM')


@testing.parameterize(*_params('NStepBiLSTM'))
@_backends
class TestNStepBiLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepBiLSTM')


@testing.parameterize(*_params('NStepGRU'))
@_backends
class TestNStepGRU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepGRU')


@testing.parameterize(*_params('NStepBiGRU'))
@_backends
class TestNStepBiGRU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepBiGRU')


@testing.parameterize(*_params('NStepRNNTanh'))
@_backends
class TestNStepRNNTanh(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepRNNTanh')


@testing.parameterize(*_params('NStepRNNReLU'))
@_backends
class TestNStepRNNReLU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepRNNReLU')


@testing.parameterize(*_params('NStepBiRNNTanh'))
@_backends
class TestNStepBiRNNTanh(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepBiRNNTanh')


@testing.parameterize(*_params('NStepBiRNNReLU'))
@_backends
class TestNStepBiRNNReLU(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NStepBiRNNReLU')


@testing.parameterize(*_params('ChildSumTreeLSTM'))
@_backends
class TestChildSumTreeLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('ChildSumTreeLSTM')


@testing.parameterize(*_params('NaryTreeLSTM'))
@_backends
class TestNaryTreeLSTM(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('NaryTreeLSTM')
