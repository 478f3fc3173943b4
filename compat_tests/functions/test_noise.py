"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.noise`` (cases_noise.py)."""
import pytest

from compat_tests import _harness

MODULE = 'functions.noise'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
