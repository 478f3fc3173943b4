"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.loss`` (cases_loss.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_loss as L

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


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_loss.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(L.absolute_error))
@testing.inject_backend_tests(None, [{}])
class TestAbsoluteError(_golden.FunctionTestCase):
    case = L.absolute_error


@testing.parameterize(*_golden.product(L.argmax_crf1d))
@testing.inject_backend_tests(None, [{}])
class TestArgmaxCrf1d(_golden.FunctionTestCase):
    case = L.argmax_crf1d
    # A path and its score, not differentiable: forward only.
    skip_backward_test = True
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(L.bernoulli_nll))
@testing.inject_backend_tests(None, [{}])
class TestBernoulliNll(_golden.FunctionTestCase):
    case = L.bernoulli_nll


@testing.parameterize(*_golden.product(L.black_out))
@testing.inject_backend_tests(None, [{}])
class TestBlackOut(_golden.FunctionTestCase):
    case = L.black_out


@testing.parameterize(*_golden.product(
    L.connectionist_temporal_classification))
@testing.inject_backend_tests(None, [{}])
class TestConnectionistTemporalClassification(_golden.FunctionTestCase):
    case = L.connectionist_temporal_classification
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(L.contrastive))
@testing.inject_backend_tests(None, [{}])
class TestContrastive(_golden.FunctionTestCase):
    case = L.contrastive


@testing.parameterize(*_golden.product(L.crf1d))
@testing.inject_backend_tests(None, [{}])
class TestCrf1d(_golden.FunctionTestCase):
    case = L.crf1d


@testing.parameterize(*_golden.product(L.cross_covariance))
@testing.inject_backend_tests(None, [{}])
class TestCrossCovariance(_golden.FunctionTestCase):
    case = L.cross_covariance


@testing.parameterize(*_golden.product(L.decov))
@testing.inject_backend_tests(None, [{}])
class TestDecov(_golden.FunctionTestCase):
    case = L.decov
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(
    L.discriminative_margin_based_clustering_loss))
@testing.inject_backend_tests(None, [{}])
class TestDiscriminativeMarginBasedClusteringLoss(_golden.FunctionTestCase):
    case = L.discriminative_margin_based_clustering_loss


@testing.parameterize(*_golden.product(L.gaussian_kl_divergence))
@testing.inject_backend_tests(None, [{}])
class TestGaussianKlDivergence(_golden.FunctionTestCase):
    case = L.gaussian_kl_divergence


@testing.parameterize(*_golden.product(L.gaussian_nll))
@testing.inject_backend_tests(None, [{}])
class TestGaussianNll(_golden.FunctionTestCase):
    case = L.gaussian_nll


@testing.parameterize(*_golden.product(L.hinge))
@testing.inject_backend_tests(None, [{}])
class TestHinge(_golden.FunctionTestCase):
    case = L.hinge
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(L.huber_loss))
@testing.inject_backend_tests(None, [{}])
class TestHuberLoss(_golden.FunctionTestCase):
    case = L.huber_loss


@testing.parameterize(*_golden.product(L.mean_absolute_error))
@testing.inject_backend_tests(None, [{}])
class TestMeanAbsoluteError(_golden.FunctionTestCase):
    case = L.mean_absolute_error


@testing.parameterize(*_golden.product(L.mean_squared_error))
@testing.inject_backend_tests(None, [{}])
class TestMeanSquaredError(_golden.FunctionTestCase):
    case = L.mean_squared_error


@testing.parameterize(*_golden.product(L.negative_sampling))
@testing.inject_backend_tests(None, [{}])
class TestNegativeSampling(_golden.FunctionTestCase):
    case = L.negative_sampling


@testing.parameterize(*_golden.product(L.sigmoid_cross_entropy))
@testing.inject_backend_tests(None, [{}])
class TestSigmoidCrossEntropy(_golden.FunctionTestCase):
    case = L.sigmoid_cross_entropy


@testing.parameterize(*_golden.product(L.softmax_cross_entropy))
@testing.inject_backend_tests(None, [{}])
class TestSoftmaxCrossEntropy(_golden.FunctionTestCase):
    case = L.softmax_cross_entropy

    def setUp(self):
        # Chainer differentiates the gradient only with
        # enable_double_backprop=True.
        if not self.enable_double_backprop:
            self.skip_double_backward_test = True


@testing.parameterize(*_golden.product(L.softmax_cross_entropy_soft_target))
@testing.inject_backend_tests(None, [{}])
class TestSoftmaxCrossEntropySoftTarget(_golden.FunctionTestCase):
    case = L.softmax_cross_entropy_soft_target
    # Chainer differentiates the gradient only with enable_double_backprop,
    # which it does not support with soft targets.
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(L.squared_difference))
@testing.inject_backend_tests(None, [{}])
class TestSquaredDifference(_golden.FunctionTestCase):
    case = L.squared_difference


@testing.parameterize(*_golden.product(L.squared_error))
@testing.inject_backend_tests(None, [{}])
class TestSquaredError(_golden.FunctionTestCase):
    case = L.squared_error


@testing.parameterize(*_golden.product(L.triplet))
@testing.inject_backend_tests(None, [{}])
class TestTriplet(_golden.FunctionTestCase):
    case = L.triplet
