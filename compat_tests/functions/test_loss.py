"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.loss`` (cases_loss.py)."""
import pytest

from compat_tests import _harness

MODULE = 'functions.loss'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_discriminative_margin_based_clustering_loss_norm2_grad':
        'with norm=2 Chainer differentiates sqrt at 0 for every masked-out '
        'pixel and its gradients are all NaN; chainerjax gives the '
        'subgradient 0 there on purpose',
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
