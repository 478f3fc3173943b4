"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.activation`` (cases_activation.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_activation as A

MODULE = 'functions.activation'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}

# Float16 gradients that sum several terms: Chainer rounds every float16
# operation, XLA computes in float32 and rounds once (chainerjax is closer
# to the float64 result), so they get float16's rtol with a larger atol.
TOLERANCES = {
    'case_swish': {'*float16_g1': (1e-2, 5e-3)},
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case, TOLERANCES)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_activation.npz), backward and double backward against
# numerical gradients (double backward in float64).



@testing.parameterize(*_golden.product(A.clipped_relu))
@testing.inject_backend_tests(None, [{}])
class TestClippedRelu(_golden.FunctionTestCase):
    case = A.clipped_relu


@testing.parameterize(*_golden.product(A.relu6))
@testing.inject_backend_tests(None, [{}])
class TestRelu6(_golden.FunctionTestCase):
    case = A.relu6


@testing.parameterize(*_golden.product(A.crelu))
@testing.inject_backend_tests(None, [{}])
class TestCrelu(_golden.FunctionTestCase):
    case = A.crelu


@testing.parameterize(*_golden.product(A.elu))
@testing.inject_backend_tests(None, [{}])
class TestElu(_golden.FunctionTestCase):
    case = A.elu


@testing.parameterize(*_golden.product(A.hard_sigmoid))
@testing.inject_backend_tests(None, [{}])
class TestHardSigmoid(_golden.FunctionTestCase):
    case = A.hard_sigmoid


@testing.parameterize(*_golden.product(A.leaky_relu))
@testing.inject_backend_tests(None, [{}])
class TestLeakyRelu(_golden.FunctionTestCase):
    case = A.leaky_relu


@testing.parameterize(*_golden.product(A.log_softmax))
@testing.inject_backend_tests(None, [{}])
class TestLogSoftmax(_golden.FunctionTestCase):
    case = A.log_softmax


@testing.parameterize(*_golden.product(A.maxout))
@testing.inject_backend_tests(None, [{}])
class TestMaxout(_golden.FunctionTestCase):
    case = A.maxout


@testing.parameterize(*_golden.product(A.prelu))
@testing.inject_backend_tests(None, [{}])
class TestPrelu(_golden.FunctionTestCase):
    case = A.prelu


@testing.parameterize(*_golden.product(A.relu))
@testing.inject_backend_tests(None, [{}])
class TestRelu(_golden.FunctionTestCase):
    case = A.relu


@testing.parameterize(*_golden.product(A.rrelu))
@testing.inject_backend_tests(None, [{}])
class TestRrelu(_golden.FunctionTestCase):
    case = A.rrelu


@testing.parameterize(*_golden.product(A.rrelu_test_mode))
@testing.inject_backend_tests(None, [{}])
class TestRreluTestMode(_golden.FunctionTestCase):
    case = A.rrelu_test_mode


@testing.parameterize(*_golden.product(A.selu))
@testing.inject_backend_tests(None, [{}])
class TestSelu(_golden.FunctionTestCase):
    case = A.selu


@testing.parameterize(*_golden.product(A.sigmoid))
@testing.inject_backend_tests(None, [{}])
class TestSigmoid(_golden.FunctionTestCase):
    case = A.sigmoid


@testing.parameterize(*_golden.product(A.softmax))
@testing.inject_backend_tests(None, [{}])
class TestSoftmax(_golden.FunctionTestCase):
    case = A.softmax


@testing.parameterize(*_golden.product(A.softplus))
@testing.inject_backend_tests(None, [{}])
class TestSoftplus(_golden.FunctionTestCase):
    case = A.softplus


@testing.parameterize(*_golden.product(A.swish))
@testing.inject_backend_tests(None, [{}])
class TestSwish(_golden.FunctionTestCase):
    case = A.swish


@testing.parameterize(*_golden.product(A.tanh))
@testing.inject_backend_tests(None, [{}])
class TestTanh(_golden.FunctionTestCase):
    case = A.tanh
