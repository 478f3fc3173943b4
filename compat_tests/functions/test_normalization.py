"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.normalization`` (cases_normalization.py)."""
import pytest

from compat_tests import _harness

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
