"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.rnn`` (cases_rnn.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_rnn as R

MODULE = 'functions.rnn'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_rnn.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(R.lstm))
@testing.inject_backend_tests(None, [{}])
class TestLstm(_golden.FunctionTestCase):
    case = R.lstm


@testing.parameterize(*_golden.product(R.slstm))
@testing.inject_backend_tests(None, [{}])
class TestSlstm(_golden.FunctionTestCase):
    case = R.slstm


@testing.parameterize(*_golden.product(R.tree_lstm))
@testing.inject_backend_tests(None, [{}])
class TestTreeLstm(_golden.FunctionTestCase):
    case = R.tree_lstm
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(R.n_step_rnn))
@testing.inject_backend_tests(None, [{}])
class TestNStepRnn(_golden.FunctionTestCase):
    case = R.n_step_rnn


@testing.parameterize(*_golden.product(R.n_step_birnn))
@testing.inject_backend_tests(None, [{}])
class TestNStepBirnn(_golden.FunctionTestCase):
    case = R.n_step_birnn


@testing.parameterize(*_golden.product(R.n_step_gru))
@testing.inject_backend_tests(None, [{}])
class TestNStepGru(_golden.FunctionTestCase):
    case = R.n_step_gru


@testing.parameterize(*_golden.product(R.n_step_bigru))
@testing.inject_backend_tests(None, [{}])
class TestNStepBigru(_golden.FunctionTestCase):
    case = R.n_step_bigru


@testing.parameterize(*_golden.product(R.n_step_lstm))
@testing.inject_backend_tests(None, [{}])
class TestNStepLstm(_golden.FunctionTestCase):
    case = R.n_step_lstm


@testing.parameterize(*_golden.product(R.n_step_bilstm))
@testing.inject_backend_tests(None, [{}])
class TestNStepBilstm(_golden.FunctionTestCase):
    case = R.n_step_bilstm
