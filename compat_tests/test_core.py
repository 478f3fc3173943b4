"""Compatibility of chainerjax with Chainer 7.8.1: cases/core.py."""
import pytest

from compat_tests import _harness

MODULE = 'core'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_array_setter':
        'v.array = [1.0]: Chainer AttributeError, chainerjax TypeError',
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
