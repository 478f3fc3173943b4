"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.activation`` (cases_activation.py)."""
import pytest

from compat_tests import _harness

MODULE = 'functions.activation'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}

# Float16 gradients that sum several terms: Chainer rounds every float16
# operation, XLA computes in float32 and rounds once (chainerjax is closer
# to the float64 result), so they get float16's rtol with a larger atol.
TOLERANCES = {
    'case_swish': {'*float16_g1': (1e-2, 5e-3)},
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case, TOLERANCES)
