"""Compatibility of chainerjax with Chainer 7.8.1: cases/config.py."""
import pytest

from compat_tests import _harness

MODULE = 'config'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_type_check_config':
        'F.linear with mismatched shapes and type_check=False: Chainer '
        'ValueError (numpy), chainerjax TypeError (jax)',
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
