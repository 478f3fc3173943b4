"""Compatibility of chainerjax with Chainer 7.8.1: cases/type_check.py."""
import pytest

from compat_tests import _harness

MODULE = 'type_check'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_reshape_broadcast_mismatch':
        'F.reshape(x, (-1, -1)): Chainer AssertionError, chainerjax ValueError; F.transpose(x, (0, 0)): Chainer ValueError, chainerjax TypeError',
    'case_type_check_disabled_skips':
        'F.sum(x, 5) with type_check=False: Chainer numpy AxisError, chainerjax ValueError',
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
