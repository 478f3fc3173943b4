"""Compatibility of chainerjax with Chainer 7.8.1: cases/config.py."""
import pytest

from compat_tests import _harness

MODULE = 'config'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
