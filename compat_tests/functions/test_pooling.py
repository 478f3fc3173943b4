"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.pooling`` (cases_pooling.py)."""
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_pooling as P

MODULE = 'functions.pooling'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_pooling.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(P.average_pooling_1d))
@testing.inject_backend_tests(None, [{}])
class TestAveragePooling1d(_golden.FunctionTestCase):
    case = P.average_pooling_1d


@testing.parameterize(*_golden.product(P.average_pooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestAveragePooling2d(_golden.FunctionTestCase):
    case = P.average_pooling_2d


@testing.parameterize(*_golden.product(P.average_pooling_3d))
@testing.inject_backend_tests(None, [{}])
class TestAveragePooling3d(_golden.FunctionTestCase):
    case = P.average_pooling_3d


@testing.parameterize(*_golden.product(P.average_pooling_nd))
@testing.inject_backend_tests(None, [{}])
class TestAveragePoolingNd(_golden.FunctionTestCase):
    case = P.average_pooling_nd


@testing.parameterize(*_golden.product(P.max_pooling_1d))
@testing.inject_backend_tests(None, [{}])
class TestMaxPooling1d(_golden.FunctionTestCase):
    case = P.max_pooling_1d


@testing.parameterize(*_golden.product(P.max_pooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestMaxPooling2d(_golden.FunctionTestCase):
    case = P.max_pooling_2d


@testing.parameterize(*_golden.product(P.max_pooling_3d))
@testing.inject_backend_tests(None, [{}])
class TestMaxPooling3d(_golden.FunctionTestCase):
    case = P.max_pooling_3d


@testing.parameterize(*_golden.product(P.max_pooling_nd))
@testing.inject_backend_tests(None, [{}])
class TestMaxPoolingNd(_golden.FunctionTestCase):
    case = P.max_pooling_nd


@testing.parameterize(*_golden.product(P.roi_average_align_2d))
@testing.inject_backend_tests(None, [{}])
class TestRoiAverageAlign2d(_golden.FunctionTestCase):
    case = P.roi_average_align_2d
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(P.roi_average_pooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestRoiAveragePooling2d(_golden.FunctionTestCase):
    case = P.roi_average_pooling_2d
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(P.roi_max_align_2d))
@testing.inject_backend_tests(None, [{}])
class TestRoiMaxAlign2d(_golden.FunctionTestCase):
    case = P.roi_max_align_2d
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(P.roi_max_pooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestRoiMaxPooling2d(_golden.FunctionTestCase):
    case = P.roi_max_pooling_2d
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(P.roi_pooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestRoiPooling2d(_golden.FunctionTestCase):
    case = P.roi_pooling_2d
    # Chainer does not implement its double backward.
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(P.spatial_pyramid_pooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestSpatialPyramidPooling2d(_golden.FunctionTestCase):
    case = P.spatial_pyramid_pooling_2d


@testing.parameterize(*_golden.product(P.unpooling_1d))
@testing.inject_backend_tests(None, [{}])
class TestUnpooling1d(_golden.FunctionTestCase):
    case = P.unpooling_1d


@testing.parameterize(*_golden.product(P.unpooling_2d))
@testing.inject_backend_tests(None, [{}])
class TestUnpooling2d(_golden.FunctionTestCase):
    case = P.unpooling_2d


@testing.parameterize(*_golden.product(P.unpooling_3d))
@testing.inject_backend_tests(None, [{}])
class TestUnpooling3d(_golden.FunctionTestCase):
    case = P.unpooling_3d


@testing.parameterize(*_golden.product(P.unpooling_nd))
@testing.inject_backend_tests(None, [{}])
class TestUnpoolingNd(_golden.FunctionTestCase):
    case = P.unpooling_nd


@testing.parameterize(*_golden.product(P.upsampling_2d))
@testing.inject_backend_tests(None, [{}])
class TestUpsampling2d(_golden.FunctionTestCase):
    case = P.upsampling_2d
