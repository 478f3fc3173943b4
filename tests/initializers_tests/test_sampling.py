import numpy
import pytest

from chainerjax import initializers
from tests.initializers_tests import _fixtures


@pytest.mark.parametrize('name,cls', [
    ('Upsampling', initializers.UpsamplingDeconvFilter),
    ('Downsampling', initializers.DownsamplingConvFilter),
])
@pytest.mark.parametrize('shape', [(2, 2, 3, 3), (3, 3, 4, 4), (3, 1, 4, 4),
                                   (2, 2, 3, 3, 3), (2, 2, 5)])
def test_matches_chainer(name, cls, shape):
    a = numpy.full(shape, 7, numpy.float32)
    cls()(a)
    expected = _fixtures.get('{}_{}/value'.format(
        name, _fixtures.shape_name(shape)))
    numpy.testing.assert_allclose(a, expected, rtol=1e-6)
    if name == 'Downsampling':
        numpy.testing.assert_allclose(a[0, 0].sum(), 1, rtol=1e-6)


def test_bilinear_kernel():
    a = numpy.empty((1, 1, 4, 4), numpy.float64)
    initializers.UpsamplingDeconvFilter()(a)
    k = numpy.array([0.25, 0.75, 0.75, 0.25])
    numpy.testing.assert_allclose(a[0, 0], numpy.outer(k, k))


def test_errors():
    for cls in (initializers.UpsamplingDeconvFilter,
                initializers.DownsamplingConvFilter):
        with pytest.raises(ValueError):
            cls(interpolation='cubic')
        with pytest.raises(ValueError):
            cls()(numpy.empty((2, 2, 3, 4), numpy.float32))
        init = cls(dtype=numpy.float64)
        assert init.dtype == numpy.float64
        with pytest.raises(AssertionError):
            init(numpy.empty((2, 2, 3, 3), numpy.float32))
