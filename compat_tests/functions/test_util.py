"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.util`` (cases_util.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_util as U

MODULE = 'functions.util'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_util.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(U.forget))
@testing.inject_backend_tests(None, [{}])
class TestForget(_golden.FunctionTestCase):
    case = U.forget
    # Chainer does not allow double backpropagation through forget.
    skip_double_backward_test = True
