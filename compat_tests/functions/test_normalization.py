"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.normalization`` (cases_normalization.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_normalization as B

MODULE = 'functions.normalization'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_fixed_decorrelated_batch_normalization_param_grads':
        "Chainer's gradients of mean and projection are wrong (gmean is "
        "minus the first column of the projected gy, gprojection multiplies "
        "by the mean instead of the centred input, and its shape is only "
        "right when the batch size equals the channels per group); "
        "chainerjax gives the true gradients",
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_normalization.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(B.batch_normalization))
@testing.inject_backend_tests(None, [{}])
class TestBatchNormalization(_golden.FunctionTestCase):
    case = B.batch_normalization


@testing.parameterize(*_golden.product(B.fixed_batch_normalization))
@testing.inject_backend_tests(None, [{}])
class TestFixedBatchNormalization(_golden.FunctionTestCase):
    case = B.fixed_batch_normalization


@testing.parameterize(*_golden.product(B.batch_renormalization))
@testing.inject_backend_tests(None, [{}])
class TestBatchRenormalization(_golden.FunctionTestCase):
    case = B.batch_renormalization
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(B.fixed_batch_renormalization))
@testing.inject_backend_tests(None, [{}])
class TestFixedBatchRenormalization(_golden.FunctionTestCase):
    case = B.fixed_batch_renormalization


@testing.parameterize(*_golden.product(B.decorrelated_batch_normalization))
@testing.inject_backend_tests(None, [{}])
class TestDecorrelatedBatchNormalization(_golden.FunctionTestCase):
    case = B.decorrelated_batch_normalization
    # Chainer does not implement its double backward.
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(
    B.fixed_decorrelated_batch_normalization))
@testing.inject_backend_tests(None, [{}])
class TestFixedDecorrelatedBatchNormalization(_golden.FunctionTestCase):
    case = B.fixed_decorrelated_batch_normalization
    # Chainer does not implement its double backward.
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(B.group_normalization))
@testing.inject_backend_tests(None, [{}])
class TestGroupNormalization(_golden.FunctionTestCase):
    case = B.group_normalization


@testing.parameterize(*_golden.product(B.layer_normalization))
@testing.inject_backend_tests(None, [{}])
class TestLayerNormalization(_golden.FunctionTestCase):
    case = B.layer_normalization


@testing.parameterize(*_golden.product(B.local_response_normalization))
@testing.inject_backend_tests(None, [{}])
class TestLocalResponseNormalization(_golden.FunctionTestCase):
    case = B.local_response_normalization
    # Chainer does not implement its double backward.
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(B.normalize))
@testing.inject_backend_tests(None, [{}])
class TestNormalize(_golden.FunctionTestCase):
    case = B.normalize
