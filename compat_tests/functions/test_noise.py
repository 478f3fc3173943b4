"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.noise`` (cases_noise.py)."""
import pytest

import chainerjax
from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_noise as N

MODULE = 'functions.noise'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_noise.npz), backward and double backward against
# numerical gradients (double backward in float64).


def _numpy_stream(test):
    # The reseeded noise comes from NumPy's generator only while
    # chainerjax's stream is not seeded (chainerjax.random.seed).
    test.addCleanup(chainerjax.random.set_state,
                    chainerjax.random.get_state())
    chainerjax.random.reset()


@testing.parameterize(*_golden.product(N.dropout))
@testing.inject_backend_tests(None, [{}])
class TestDropout(_golden.FunctionTestCase):
    case = N.dropout


@testing.parameterize(*_golden.product(N.dropout_test_mode))
@testing.inject_backend_tests(None, [{}])
class TestDropoutTestMode(_golden.FunctionTestCase):
    case = N.dropout_test_mode


@testing.parameterize(*_golden.product(N.gaussian))
@testing.inject_backend_tests(None, [{}])
class TestGaussian(_golden.FunctionTestCase):
    case = N.gaussian


@testing.parameterize(*_golden.product(N.gumbel_softmax))
@testing.inject_backend_tests(None, [{}])
class TestGumbelSoftmax(_golden.FunctionTestCase):
    case = N.gumbel_softmax
    # The two frameworks draw different noise from the same seed: no golden
    # values (the reseeded noise makes backward checkable).
    skip_forward_test = True

    def setUp(self):
        _numpy_stream(self)


@testing.parameterize(*_golden.product(N.simplified_dropconnect))
@testing.inject_backend_tests(None, [{}])
class TestSimplifiedDropconnect(_golden.FunctionTestCase):
    case = N.simplified_dropconnect


@testing.parameterize(*_golden.product(N.zoneout_test_mode))
@testing.inject_backend_tests(None, [{}])
class TestZoneoutTestMode(_golden.FunctionTestCase):
    case = N.zoneout_test_mode
    # y is x: h has no first-order gradient, which Chainer's
    # check_double_backward does not accept either.
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(N.zoneout))
@testing.inject_backend_tests(None, [{}])
class TestZoneout(_golden.FunctionTestCase):
    case = N.zoneout
    # The two frameworks draw different masks from the same seed: no golden
    # values (the reseeded mask makes backward checkable).
    skip_forward_test = True

    def setUp(self):
        _numpy_stream(self)
