"""Compatibility of chainerjax with Chainer 7.8.1: cases/functions_basic.py."""
import pytest

from compat_tests import _harness

MODULE = 'functions_basic'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_identity':
        'F.identity(x, y)[1] only in the loss: x.grad Chainer None, chainerjax zeros',
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
