import numpy
import pytest

from chainerjax import functions
from tests.functions_tests.math_tests import fixtures


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_absolute_gradient_at_zero_matches_chainer(dtype):
    fixtures.check_against_chainer(functions.absolute, 'kink_abs', dtype)
