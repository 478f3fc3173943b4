"""Compatibility of chainerjax with Chainer 7.8.1: cases/core.py."""
import pytest

from compat_tests import _harness

MODULE = 'core'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_grad_and_grad_var_setters':
        'Variable(a, grad=g).grad_var.requires_grad: Chainer True, chainerjax False',
    'case_requires_grad_false':
        'op on a requires_grad=False input: Chainer records a creator (z.creator is not None), chainerjax does not',
    'case_array_setter':
        'v.array = [1.0]: Chainer AttributeError, chainerjax TypeError',
    'case_unary_pos':
        '+x: Chainer returns x itself (Variable.__pos__), chainerjax raises TypeError',
    'case_parameter_lazy_initialize':
        'uninitialized Parameter(Constant(0.5)): dtype Chainer float64 (numpy.dtype(None)), chainerjax float32; .grad before initialize: Chainer RuntimeError, chainerjax returns None',
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)
