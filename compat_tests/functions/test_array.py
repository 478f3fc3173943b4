"""Compatibility of chainerjax with Chainer 7.8.1:
``chainer.functions.array`` (cases_array.py)."""
import numpy
import pytest

from chainerjax import testing
from compat_tests import _harness
from compat_tests.functions import _golden
from compat_tests.functions import ftc_cases_array as A

MODULE = 'functions.array'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


# ----- FunctionTestCase layer (see compat_tests/README.md) ------------------
# Forward against Chainer's outputs on the same inputs
# (fixtures/ftc_array.npz), backward and double backward against
# numerical gradients (double backward in float64).


@testing.parameterize(*_golden.product(A.as_strided))
@testing.inject_backend_tests(None, [{}])
class TestAsStrided(_golden.FunctionTestCase):
    case = A.as_strided
    # Chainer's gradient of as_strided has no backward
    # (NotImplementedError).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(A.broadcast))
@testing.inject_backend_tests(None, [{}])
class TestBroadcast(_golden.FunctionTestCase):
    case = A.broadcast


@testing.parameterize(*_golden.product(A.broadcast_to))
@testing.inject_backend_tests(None, [{}])
class TestBroadcastTo(_golden.FunctionTestCase):
    case = A.broadcast_to


@testing.parameterize(*_golden.product(A.cast))
@testing.inject_backend_tests(None, [{}])
class TestCast(_golden.FunctionTestCase):
    case = A.cast

    def setUp(self):
        # cast is linear, so a large step is exact; its gradient has the
        # precision of the less precise of the two dtypes.
        low = min(numpy.dtype(self.dtype), numpy.dtype(self.to),
                  key=lambda d: d.itemsize)
        options = dict(_golden.BACKWARD[low.name], eps=2.0 ** -2)
        self.check_backward_options = options
        self.check_double_backward_options = dict(options)


@testing.parameterize(*_golden.product(A.concat))
@testing.inject_backend_tests(None, [{}])
class TestConcat(_golden.FunctionTestCase):
    case = A.concat


@testing.parameterize(*_golden.product(A.copy))
@testing.inject_backend_tests(None, [{}])
class TestCopy(_golden.FunctionTestCase):
    case = A.copy


@testing.parameterize(*_golden.product(A.depth2space))
@testing.inject_backend_tests(None, [{}])
class TestDepth2space(_golden.FunctionTestCase):
    case = A.depth2space


@testing.parameterize(*_golden.product(A.diagonal))
@testing.inject_backend_tests(None, [{}])
class TestDiagonal(_golden.FunctionTestCase):
    case = A.diagonal


@testing.parameterize(*_golden.product(A.dstack))
@testing.inject_backend_tests(None, [{}])
class TestDstack(_golden.FunctionTestCase):
    case = A.dstack


@testing.parameterize(*_golden.product(A.expand_dims))
@testing.inject_backend_tests(None, [{}])
class TestExpandDims(_golden.FunctionTestCase):
    case = A.expand_dims


@testing.parameterize(*_golden.product(A.flatten))
@testing.inject_backend_tests(None, [{}])
class TestFlatten(_golden.FunctionTestCase):
    case = A.flatten


@testing.parameterize(*_golden.product(A.flip))
@testing.inject_backend_tests(None, [{}])
class TestFlip(_golden.FunctionTestCase):
    case = A.flip


@testing.parameterize(*_golden.product(A.fliplr))
@testing.inject_backend_tests(None, [{}])
class TestFliplr(_golden.FunctionTestCase):
    case = A.fliplr


@testing.parameterize(*_golden.product(A.flipud))
@testing.inject_backend_tests(None, [{}])
class TestFlipud(_golden.FunctionTestCase):
    case = A.flipud


@testing.parameterize(*_golden.product(A.get_item))
@testing.inject_backend_tests(None, [{}])
class TestGetItem(_golden.FunctionTestCase):
    case = A.get_item


@testing.parameterize(*_golden.product(A.hstack))
@testing.inject_backend_tests(None, [{}])
class TestHstack(_golden.FunctionTestCase):
    case = A.hstack


@testing.parameterize(*_golden.product(A.im2col))
@testing.inject_backend_tests(None, [{}])
class TestIm2col(_golden.FunctionTestCase):
    case = A.im2col


@testing.parameterize(*_golden.product(A.moveaxis))
@testing.inject_backend_tests(None, [{}])
class TestMoveaxis(_golden.FunctionTestCase):
    case = A.moveaxis


@testing.parameterize(*_golden.product(A.pad))
@testing.inject_backend_tests(None, [{}])
class TestPad(_golden.FunctionTestCase):
    case = A.pad

    def setUp(self):
        # As in Chainer, the gradient of a non-constant mode is gy at the
        # positions of x (the padded copies pass no gradient back), not the
        # true gradient: compared with Chainer's in test_case, not with
        # numerical gradients here.
        if self.mode != 'constant' and self.mode != 'constant_values':
            self.skip_backward_test = True
            self.skip_double_backward_test = True


@testing.parameterize(*_golden.product(A.pad_sequence))
@testing.inject_backend_tests(None, [{}])
class TestPadSequence(_golden.FunctionTestCase):
    case = A.pad_sequence


@testing.parameterize(*_golden.product(A.permutate))
@testing.inject_backend_tests(None, [{}])
class TestPermutate(_golden.FunctionTestCase):
    case = A.permutate


@testing.parameterize(*_golden.product(A.repeat))
@testing.inject_backend_tests(None, [{}])
class TestRepeat(_golden.FunctionTestCase):
    case = A.repeat


@testing.parameterize(*_golden.product(A.reshape))
@testing.inject_backend_tests(None, [{}])
class TestReshape(_golden.FunctionTestCase):
    case = A.reshape


@testing.parameterize(*_golden.product(A.resize_images))
@testing.inject_backend_tests(None, [{}])
class TestResizeImages(_golden.FunctionTestCase):
    case = A.resize_images
    # Chainer supports float32 only: double backward in float32.
    double_backward_dtypes = (numpy.float32,)


@testing.parameterize(*_golden.product(A.rollaxis))
@testing.inject_backend_tests(None, [{}])
class TestRollaxis(_golden.FunctionTestCase):
    case = A.rollaxis


@testing.parameterize(*_golden.product(A.scatter_add))
@testing.inject_backend_tests(None, [{}])
class TestScatterAdd(_golden.FunctionTestCase):
    case = A.scatter_add


@testing.parameterize(*_golden.product(A.select_item))
@testing.inject_backend_tests(None, [{}])
class TestSelectItem(_golden.FunctionTestCase):
    case = A.select_item


@testing.parameterize(*_golden.product(A.separate))
@testing.inject_backend_tests(None, [{}])
class TestSeparate(_golden.FunctionTestCase):
    case = A.separate


@testing.parameterize(*_golden.product(A.space2depth))
@testing.inject_backend_tests(None, [{}])
class TestSpace2depth(_golden.FunctionTestCase):
    case = A.space2depth


@testing.parameterize(*_golden.product(A.spatial_transformer_grid))
@testing.inject_backend_tests(None, [{}])
class TestSpatialTransformerGrid(_golden.FunctionTestCase):
    case = A.spatial_transformer_grid
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(A.spatial_transformer_sampler))
@testing.inject_backend_tests(None, [{}])
class TestSpatialTransformerSampler(_golden.FunctionTestCase):
    case = A.spatial_transformer_sampler
    # Chainer cannot differentiate its gradient (an old-style Function).
    skip_double_backward_test = True


@testing.parameterize(*_golden.product(A.split_axis))
@testing.inject_backend_tests(None, [{}])
class TestSplitAxis(_golden.FunctionTestCase):
    case = A.split_axis


@testing.parameterize(*_golden.product(A.squeeze))
@testing.inject_backend_tests(None, [{}])
class TestSqueeze(_golden.FunctionTestCase):
    case = A.squeeze


@testing.parameterize(*_golden.product(A.stack))
@testing.inject_backend_tests(None, [{}])
class TestStack(_golden.FunctionTestCase):
    case = A.stack


@testing.parameterize(*_golden.product(A.swapaxes))
@testing.inject_backend_tests(None, [{}])
class TestSwapaxes(_golden.FunctionTestCase):
    case = A.swapaxes


@testing.parameterize(*_golden.product(A.tile))
@testing.inject_backend_tests(None, [{}])
class TestTile(_golden.FunctionTestCase):
    case = A.tile


@testing.parameterize(*_golden.product(A.transpose))
@testing.inject_backend_tests(None, [{}])
class TestTranspose(_golden.FunctionTestCase):
    case = A.transpose


@testing.parameterize(*_golden.product(A.transpose_sequence))
@testing.inject_backend_tests(None, [{}])
class TestTransposeSequence(_golden.FunctionTestCase):
    case = A.transpose_sequence


@testing.parameterize(*_golden.product(A.vstack))
@testing.inject_backend_tests(None, [{}])
class TestVstack(_golden.FunctionTestCase):
    case = A.vstack


@testing.parameterize(*_golden.product(A.where))
@testing.inject_backend_tests(None, [{}])
class TestWhere(_golden.FunctionTestCase):
    case = A.where
