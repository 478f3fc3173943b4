"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.connection`` (cases_connection.py)."""
import numpy
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_connection as C

MODULE = 'functions.connection'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_connection.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(C.bilinear))
@testing.inject_backend_tests(None, [{}])
class TestBilinear(_golden.FunctionTestCase):
    case = C.bilinear
    # Chainer supports float32 only: double backward in float32.
    double_backward_dtypes = (numpy.float32,)


@testing.parameterize(*_golden.product(C.convolution_2d))
@testing.inject_backend_tests(None, [{}])
class TestConvolution2d(_golden.FunctionTestCase):
    case = C.convolution_2d


@testing.parameterize(*_golden.product(C.convolution_1d))
@testing.inject_backend_tests(None, [{}])
class TestConvolution1d(_golden.FunctionTestCase):
    case = C.convolution_1d


@testing.parameterize(*_golden.product(C.convolution_3d))
@testing.inject_backend_tests(None, [{}])
class TestConvolution3d(_golden.FunctionTestCase):
    case = C.convolution_3d


@testing.parameterize(*_golden.product(C.convolution_nd))
@testing.inject_backend_tests(None, [{}])
class TestConvolutionNd(_golden.FunctionTestCase):
    case = C.convolution_nd


@testing.parameterize(*_golden.product(C.deconvolution_2d))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolution2d(_golden.FunctionTestCase):
    case = C.deconvolution_2d


@testing.parameterize(*_golden.product(C.deconvolution_1d))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolution1d(_golden.FunctionTestCase):
    case = C.deconvolution_1d


@testing.parameterize(*_golden.product(C.deconvolution_3d))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolution3d(_golden.FunctionTestCase):
    case = C.deconvolution_3d


@testing.parameterize(*_golden.product(C.deconvolution_nd))
@testing.inject_backend_tests(None, [{}])
class TestDeconvolutionNd(_golden.FunctionTestCase):
    case = C.deconvolution_nd


@testing.parameterize(*_golden.product(C.deformable_convolution_2d_sampler))
@testing.inject_backend_tests(None, [{}])
class TestDeformableConvolution2dSampler(_golden.FunctionTestCase):
    case = C.deformable_convolution_2d_sampler
    # Chainer cannot differentiate its gradient (it samples with the
    # old-style SpatialTransformerSampler).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(C.depthwise_convolution_2d))
@testing.inject_backend_tests(None, [{}])
class TestDepthwiseConvolution2d(_golden.FunctionTestCase):
    case = C.depthwise_convolution_2d


@testing.parameterize(*_golden.product(C.dilated_convolution_2d))
@testing.inject_backend_tests(None, [{}])
class TestDilatedConvolution2d(_golden.FunctionTestCase):
    case = C.dilated_convolution_2d


@testing.parameterize(*_golden.product(C.embed_id))
@testing.inject_backend_tests(None, [{}])
class TestEmbedId(_golden.FunctionTestCase):
    case = C.embed_id


@testing.parameterize(*_golden.product(C.linear))
@testing.inject_backend_tests(None, [{}])
class TestLinear(_golden.FunctionTestCase):
    case = C.linear


@testing.parameterize(*_golden.product(C.local_convolution_2d))
@testing.inject_backend_tests(None, [{}])
class TestLocalConvolution2d(_golden.FunctionTestCase):
    case = C.local_convolution_2d


@testing.parameterize(*_golden.product(C.shift))
@testing.inject_backend_tests(None, [{}])
class TestShift(_golden.FunctionTestCase):
    case = C.shift
