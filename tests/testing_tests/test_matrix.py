import unittest

import numpy
import pytest

from chainerjax import testing


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64,
              numpy.complex64, numpy.complex128],
    'shape': [(3, 3), (2, 5), (5, 2), (4, 2, 3), (2, 2, 1, 3)],
}))
class TestGenerateMatrix(unittest.TestCase):

    def test_singular_values(self):
        k = min(self.shape[-2:])
        sv = numpy.linspace(1, 2, k)
        a = testing.generate_matrix(
            self.shape, self.dtype, singular_values=sv)
        assert a.shape == self.shape
        assert a.dtype == self.dtype
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-5
        s = numpy.linalg.svd(a.astype(numpy.complex128), compute_uv=False)
        numpy.testing.assert_allclose(
            numpy.sort(s, axis=-1), numpy.broadcast_to(sv, s.shape),
            rtol=tol, atol=tol)


class TestGenerateMatrixArguments(unittest.TestCase):

    def test_scalar_singular_value(self):
        a = testing.generate_matrix((3, 3), singular_values=2)
        numpy.testing.assert_allclose(
            numpy.linalg.svd(a, compute_uv=False), [2, 2, 2])
        assert a.dtype == numpy.float64

    def test_zero_sized(self):
        a = testing.generate_matrix((0, 3), numpy.float32, singular_values=[])
        assert a.shape == (0, 3) and a.dtype == numpy.float32

    def test_zero_sized_shape_mismatch(self):
        with pytest.raises(ValueError):
            testing.generate_matrix((0, 3), singular_values=[1, 2])

    def test_shape_mismatch(self):
        with pytest.raises(ValueError):
            testing.generate_matrix((3, 3), singular_values=[1, 2])

    def test_too_few_axes(self):
        with pytest.raises(ValueError, match='too few axes'):
            testing.generate_matrix((3,), singular_values=1)

    @pytest.mark.filterwarnings('ignore')
    def test_dtype(self):
        for dtype in (numpy.int32, numpy.bool_):
            with pytest.raises(TypeError, match='is not supported'):
                testing.generate_matrix((2, 2), dtype, singular_values=1)

    def test_missing_singular_values(self):
        with pytest.raises(TypeError, match='not given'):
            testing.generate_matrix((2, 2))

    def test_complex_singular_values(self):
        with pytest.raises(TypeError, match='not real'):
            testing.generate_matrix((2, 2), singular_values=[1j, 1])

    def test_negative_singular_values(self):
        with pytest.raises(ValueError, match='negative'):
            testing.generate_matrix((2, 2), singular_values=[-1, 1])

    def test_unknown_argument(self):
        with pytest.raises(TypeError, match="unexpected keyword.*'foo'"):
            testing.generate_matrix((2, 2), singular_values=1, foo=1)
