"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.evaluation`` (cases_evaluation.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_evaluation as E

MODULE = 'functions.evaluation'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_evaluation.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(E.accuracy))
@testing.inject_backend_tests(None, [{}])
class TestAccuracy(_golden.FunctionTestCase):
    case = E.accuracy
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(E.binary_accuracy))
@testing.inject_backend_tests(None, [{}])
class TestBinaryAccuracy(_golden.FunctionTestCase):
    case = E.binary_accuracy
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(E.classification_summary))
@testing.inject_backend_tests(None, [{}])
class TestClassificationSummary(_golden.FunctionTestCase):
    case = E.classification_summary
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(E.f1_score))
@testing.inject_backend_tests(None, [{}])
class TestF1Score(_golden.FunctionTestCase):
    case = E.f1_score
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(E.precision))
@testing.inject_backend_tests(None, [{}])
class TestPrecision(_golden.FunctionTestCase):
    case = E.precision
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(E.recall))
@testing.inject_backend_tests(None, [{}])
class TestRecall(_golden.FunctionTestCase):
    case = E.recall
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(E.r2_score))
@testing.inject_backend_tests(None, [{}])
class TestR2Score(_golden.FunctionTestCase):
    case = E.r2_score
    # Not differentiable in Chainer: forward only.
    skip_backward_test = True
    skip_double_backward_test = True
