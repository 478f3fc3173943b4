"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.math`` (cases_math.py)."""
import pytest

from compat_tests import _harness

MODULE = 'functions.math'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_sparse_matmul_float16':
        'Chainer multiplies with scipy.sparse on CPU, which has no float16 '
        '(ValueError); chainerjax computes it',
}

# log_ndtr's gradient at x = -30 goes through exp(-x**2 / 2 - log_ndtr(x)):
# SciPy's and XLA's log_ndtr differ by rounding there (relative 2e-10).
TOLERANCES = {
    'case_log_ndtr': {'special_float64_g0': (1e-9, 1e-12)},
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case, TOLERANCES)
