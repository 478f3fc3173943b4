"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.math`` (cases_math.py)."""
import numpy
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_math as M

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


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_math.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(M.absolute))
@testing.inject_backend_tests(None, [{}])
class TestAbsolute(_golden.FunctionTestCase):
    case = M.absolute


@testing.parameterize(*_golden.product(M.arccos))
@testing.inject_backend_tests(None, [{}])
class TestArccos(_golden.FunctionTestCase):
    case = M.arccos


@testing.parameterize(*_golden.product(M.arcsin))
@testing.inject_backend_tests(None, [{}])
class TestArcsin(_golden.FunctionTestCase):
    case = M.arcsin


@testing.parameterize(*_golden.product(M.arctan))
@testing.inject_backend_tests(None, [{}])
class TestArctan(_golden.FunctionTestCase):
    case = M.arctan


@testing.parameterize(*_golden.product(M.arctanh))
@testing.inject_backend_tests(None, [{}])
class TestArctanh(_golden.FunctionTestCase):
    case = M.arctanh


@testing.parameterize(*_golden.product(M.ceil))
@testing.inject_backend_tests(None, [{}])
class TestCeil(_golden.FunctionTestCase):
    case = M.ceil
    # Not differentiable in Chainer (the result has no creator): forward
    # only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(M.cos))
@testing.inject_backend_tests(None, [{}])
class TestCos(_golden.FunctionTestCase):
    case = M.cos


@testing.parameterize(*_golden.product(M.cosh))
@testing.inject_backend_tests(None, [{}])
class TestCosh(_golden.FunctionTestCase):
    case = M.cosh


@testing.parameterize(*_golden.product(M.digamma))
@testing.inject_backend_tests(None, [{}])
class TestDigamma(_golden.FunctionTestCase):
    case = M.digamma


@testing.parameterize(*_golden.product(M.erf))
@testing.inject_backend_tests(None, [{}])
class TestErf(_golden.FunctionTestCase):
    case = M.erf


@testing.parameterize(*_golden.product(M.erfc))
@testing.inject_backend_tests(None, [{}])
class TestErfc(_golden.FunctionTestCase):
    case = M.erfc


@testing.parameterize(*_golden.product(M.erfcinv))
@testing.inject_backend_tests(None, [{}])
class TestErfcinv(_golden.FunctionTestCase):
    case = M.erfcinv


@testing.parameterize(*_golden.product(M.erfcx))
@testing.inject_backend_tests(None, [{}])
class TestErfcx(_golden.FunctionTestCase):
    case = M.erfcx


@testing.parameterize(*_golden.product(M.erfinv))
@testing.inject_backend_tests(None, [{}])
class TestErfinv(_golden.FunctionTestCase):
    case = M.erfinv


@testing.parameterize(*_golden.product(M.exp))
@testing.inject_backend_tests(None, [{}])
class TestExp(_golden.FunctionTestCase):
    case = M.exp


@testing.parameterize(*_golden.product(M.expm1))
@testing.inject_backend_tests(None, [{}])
class TestExpm1(_golden.FunctionTestCase):
    case = M.expm1


@testing.parameterize(*_golden.product(M.fix))
@testing.inject_backend_tests(None, [{}])
class TestFix(_golden.FunctionTestCase):
    case = M.fix
    # Not differentiable in Chainer (the result has no creator): forward
    # only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(M.floor))
@testing.inject_backend_tests(None, [{}])
class TestFloor(_golden.FunctionTestCase):
    case = M.floor
    # Not differentiable in Chainer (the result has no creator): forward
    # only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(M.lgamma))
@testing.inject_backend_tests(None, [{}])
class TestLgamma(_golden.FunctionTestCase):
    case = M.lgamma


@testing.parameterize(*_golden.product(M.log))
@testing.inject_backend_tests(None, [{}])
class TestLog(_golden.FunctionTestCase):
    case = M.log


@testing.parameterize(*_golden.product(M.log10))
@testing.inject_backend_tests(None, [{}])
class TestLog10(_golden.FunctionTestCase):
    case = M.log10


@testing.parameterize(*_golden.product(M.log1p))
@testing.inject_backend_tests(None, [{}])
class TestLog1p(_golden.FunctionTestCase):
    case = M.log1p


@testing.parameterize(*_golden.product(M.log2))
@testing.inject_backend_tests(None, [{}])
class TestLog2(_golden.FunctionTestCase):
    case = M.log2


@testing.parameterize(*_golden.product(M.log_ndtr))
@testing.inject_backend_tests(None, [{}])
class TestLogNdtr(_golden.FunctionTestCase):
    case = M.log_ndtr


@testing.parameterize(*_golden.product(M.ndtr))
@testing.inject_backend_tests(None, [{}])
class TestNdtr(_golden.FunctionTestCase):
    case = M.ndtr


@testing.parameterize(*_golden.product(M.ndtri))
@testing.inject_backend_tests(None, [{}])
class TestNdtri(_golden.FunctionTestCase):
    case = M.ndtri


@testing.parameterize(*_golden.product(M.rsqrt))
@testing.inject_backend_tests(None, [{}])
class TestRsqrt(_golden.FunctionTestCase):
    case = M.rsqrt


@testing.parameterize(*_golden.product(M.sign))
@testing.inject_backend_tests(None, [{}])
class TestSign(_golden.FunctionTestCase):
    case = M.sign
    # Not differentiable in Chainer (the result has no creator): forward
    # only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(M.sin))
@testing.inject_backend_tests(None, [{}])
class TestSin(_golden.FunctionTestCase):
    case = M.sin


@testing.parameterize(*_golden.product(M.sinh))
@testing.inject_backend_tests(None, [{}])
class TestSinh(_golden.FunctionTestCase):
    case = M.sinh


@testing.parameterize(*_golden.product(M.sqrt))
@testing.inject_backend_tests(None, [{}])
class TestSqrt(_golden.FunctionTestCase):
    case = M.sqrt


@testing.parameterize(*_golden.product(M.square))
@testing.inject_backend_tests(None, [{}])
class TestSquare(_golden.FunctionTestCase):
    case = M.square


@testing.parameterize(*_golden.product(M.tan))
@testing.inject_backend_tests(None, [{}])
class TestTan(_golden.FunctionTestCase):
    case = M.tan


@testing.parameterize(*_golden.product(M.add))
@testing.inject_backend_tests(None, [{}])
class TestAdd(_golden.FunctionTestCase):
    case = M.add


@testing.parameterize(*_golden.product(M.arctan2))
@testing.inject_backend_tests(None, [{}])
class TestArctan2(_golden.FunctionTestCase):
    case = M.arctan2


@testing.parameterize(*_golden.product(M.argmax))
@testing.inject_backend_tests(None, [{}])
class TestArgmax(_golden.FunctionTestCase):
    case = M.argmax
    # Not differentiable in Chainer (the result has no creator): forward
    # only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(M.argmin))
@testing.inject_backend_tests(None, [{}])
class TestArgmin(_golden.FunctionTestCase):
    case = M.argmin
    # Not differentiable in Chainer (the result has no creator): forward
    # only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(M.average))
@testing.inject_backend_tests(None, [{}])
class TestAverage(_golden.FunctionTestCase):
    case = M.average


@testing.parameterize(*_golden.product(M.batch_det))
@testing.inject_backend_tests(None, [{}])
class TestBatchDet(_golden.FunctionTestCase):
    case = M.batch_det


@testing.parameterize(*_golden.product(M.batch_inv))
@testing.inject_backend_tests(None, [{}])
class TestBatchInv(_golden.FunctionTestCase):
    case = M.batch_inv


@testing.parameterize(*_golden.product(M.batch_l2_norm_squared))
@testing.inject_backend_tests(None, [{}])
class TestBatchL2NormSquared(_golden.FunctionTestCase):
    case = M.batch_l2_norm_squared


@testing.parameterize(*_golden.product(M.batch_matmul))
@testing.inject_backend_tests(None, [{}])
class TestBatchMatmul(_golden.FunctionTestCase):
    case = M.batch_matmul
    # Chainer supports float32 only: double backward in float32.
    double_backward_dtypes = (numpy.float32,)


@testing.parameterize(*_golden.product(M.bias))
@testing.inject_backend_tests(None, [{}])
class TestBias(_golden.FunctionTestCase):
    case = M.bias


@testing.parameterize(*_golden.product(M.cholesky))
@testing.inject_backend_tests(None, [{}])
class TestCholesky(_golden.FunctionTestCase):
    case = M.cholesky


@testing.parameterize(*_golden.product(M.clip))
@testing.inject_backend_tests(None, [{}])
class TestClip(_golden.FunctionTestCase):
    case = M.clip


@testing.parameterize(*_golden.product(M.cumprod))
@testing.inject_backend_tests(None, [{}])
class TestCumprod(_golden.FunctionTestCase):
    case = M.cumprod


@testing.parameterize(*_golden.product(M.cumsum))
@testing.inject_backend_tests(None, [{}])
class TestCumsum(_golden.FunctionTestCase):
    case = M.cumsum


@testing.parameterize(*_golden.product(M.det))
@testing.inject_backend_tests(None, [{}])
class TestDet(_golden.FunctionTestCase):
    case = M.det


@testing.parameterize(*_golden.product(M.einsum))
@testing.inject_backend_tests(None, [{}])
class TestEinsum(_golden.FunctionTestCase):
    case = M.einsum


@testing.parameterize(*_golden.product(M.fft))
@testing.inject_backend_tests(None, [{}])
class TestFft(_golden.FunctionTestCase):
    case = M.fft


@testing.parameterize(*_golden.product(M.ifft))
@testing.inject_backend_tests(None, [{}])
class TestIfft(_golden.FunctionTestCase):
    case = M.ifft


@testing.parameterize(*_golden.product(M.fmod))
@testing.inject_backend_tests(None, [{}])
class TestFmod(_golden.FunctionTestCase):
    case = M.fmod


@testing.parameterize(*_golden.product(M.identity))
@testing.inject_backend_tests(None, [{}])
class TestIdentity(_golden.FunctionTestCase):
    case = M.identity


@testing.parameterize(*_golden.product(M.inv))
@testing.inject_backend_tests(None, [{}])
class TestInv(_golden.FunctionTestCase):
    case = M.inv


@testing.parameterize(*_golden.product(M.linear_interpolate))
@testing.inject_backend_tests(None, [{}])
class TestLinearInterpolate(_golden.FunctionTestCase):
    case = M.linear_interpolate


@testing.parameterize(*_golden.product(M.logsumexp))
@testing.inject_backend_tests(None, [{}])
class TestLogsumexp(_golden.FunctionTestCase):
    case = M.logsumexp


@testing.parameterize(*_golden.product(M.matmul))
@testing.inject_backend_tests(None, [{}])
class TestMatmul(_golden.FunctionTestCase):
    case = M.matmul


@testing.parameterize(*_golden.product(M.max))
@testing.inject_backend_tests(None, [{}])
class TestMax(_golden.FunctionTestCase):
    case = M.max


@testing.parameterize(*_golden.product(M.maximum))
@testing.inject_backend_tests(None, [{}])
class TestMaximum(_golden.FunctionTestCase):
    case = M.maximum


@testing.parameterize(*_golden.product(M.mean))
@testing.inject_backend_tests(None, [{}])
class TestMean(_golden.FunctionTestCase):
    case = M.mean


@testing.parameterize(*_golden.product(M.min))
@testing.inject_backend_tests(None, [{}])
class TestMin(_golden.FunctionTestCase):
    case = M.min


@testing.parameterize(*_golden.product(M.minimum))
@testing.inject_backend_tests(None, [{}])
class TestMinimum(_golden.FunctionTestCase):
    case = M.minimum


@testing.parameterize(*_golden.product(M.polygamma))
@testing.inject_backend_tests(None, [{}])
class TestPolygamma(_golden.FunctionTestCase):
    case = M.polygamma


@testing.parameterize(*_golden.product(M.prod))
@testing.inject_backend_tests(None, [{}])
class TestProd(_golden.FunctionTestCase):
    case = M.prod


@testing.parameterize(*_golden.product(M.scale))
@testing.inject_backend_tests(None, [{}])
class TestScale(_golden.FunctionTestCase):
    case = M.scale


@testing.parameterize(*_golden.product(M.sparse_matmul))
@testing.inject_backend_tests(None, [{}])
class TestSparseMatmul(_golden.FunctionTestCase):
    case = M.sparse_matmul


@testing.parameterize(*_golden.product(M.sum))
@testing.inject_backend_tests(None, [{}])
class TestSum(_golden.FunctionTestCase):
    case = M.sum


@testing.parameterize(*_golden.product(M.sum_to))
@testing.inject_backend_tests(None, [{}])
class TestSumTo(_golden.FunctionTestCase):
    case = M.sum_to


@testing.parameterize(*_golden.product(M.tensordot))
@testing.inject_backend_tests(None, [{}])
class TestTensordot(_golden.FunctionTestCase):
    case = M.tensordot


@testing.parameterize(*_golden.product(M.zeta))
@testing.inject_backend_tests(None, [{}])
class TestZeta(_golden.FunctionTestCase):
    case = M.zeta
