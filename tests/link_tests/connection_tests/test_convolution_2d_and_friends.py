"""Convolution2D, Deconvolution2D and EmbedID (chainer.links)."""
import textwrap

import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import initializers
from chainerjax.serializers import npz
from tests.link_tests import _chainer_ref


def _x(shape, seed=0):
    return numpy.random.RandomState(seed).randn(*shape).astype(numpy.float32)


class TestConvolution2D(object):

    def test_forward_and_defaults(self):
        link = L.Convolution2D(2, 3, 3, stride=2, pad=1)
        assert link.W.shape == (3, 2, 3, 3) and link.W.dtype == numpy.float32
        numpy.testing.assert_array_equal(link.b.array, numpy.zeros(3))
        x = _x((2, 2, 5, 5))
        y = link(x)
        expected = F.convolution_2d(x, link.W, link.b, 2, 1)
        numpy.testing.assert_allclose(y.array, expected.array, rtol=1e-6)
        assert y.shape == (2, 3, 3, 3)
        assert sorted(npz.serialize(link)) == ['W', 'b']

    def test_two_argument_form_is_lazy(self):
        link = L.Convolution2D(4, 3)
        assert link.W.array is None and link.in_channels is None
        assert link.b.shape == (4,)
        assert link(_x((1, 2, 5, 5))).shape == (1, 4, 3, 3)
        assert link.W.shape == (4, 2, 3, 3)
        lazy = L.Convolution2D(None, 4, 3)
        lazy(_x((1, 6, 4, 4)))
        assert lazy.W.shape == (4, 6, 3, 3)

    def test_groups_dilate_nobias(self):
        link = L.Convolution2D(4, 6, 3, nobias=True, dilate=2, groups=2)
        assert link.b is None and link.W.shape == (6, 2, 3, 3)
        x = _x((1, 4, 7, 7))
        y = link(x)
        expected = F.convolution_2d(x, link.W, dilate=2, groups=2)
        numpy.testing.assert_allclose(y.array, expected.array, rtol=1e-6)
        with pytest.raises(ValueError):
            L.Convolution2D(3, 6, 3, groups=2)
        with pytest.raises(ValueError):
            L.Convolution2D(2, 6, 3, deterministic=True)
        with pytest.raises(TypeError):
            L.Convolution2D(2, 6, 3, foo=1)

    def test_from_params_and_initializers(self):
        W = _x((4, 1, 2, 2))
        link = L.Convolution2D.from_params(W, numpy.ones(4, numpy.float32),
                                           groups=2)
        assert link.in_channels == 2 and link.groups == 2
        numpy.testing.assert_array_equal(link.W.array, W)
        link = L.Convolution2D(2, 3, 1, initialW=initializers.One(),
                               initial_bias=2)
        numpy.testing.assert_array_equal(link.W.array, 1)
        numpy.testing.assert_array_equal(link.b.array, 2)

    def test_backward(self):
        link = L.Convolution2D(2, 3, 3)
        link.cleargrads()
        F.sum(link(_x((1, 2, 4, 4)))).backward()
        assert link.W.grad.shape == (3, 2, 3, 3)
        numpy.testing.assert_allclose(link.b.grad, [4, 4, 4])

    def test_config_dtype(self):
        with chainer.using_config('dtype', numpy.float64):
            link = L.Convolution2D(2, 3, 3)
        assert link.W.dtype == numpy.float64 and link.b.dtype == \
            numpy.float64


class TestDeconvolution2D(object):

    def test_forward(self):
        link = L.Deconvolution2D(2, 4, 3, stride=2, pad=1)
        assert link.W.shape == (2, 4, 3, 3) and link.b.shape == (4,)
        x = _x((1, 2, 3, 3))
        y = link(x)
        expected = F.deconvolution_2d(x, link.W, link.b, 2, 1)
        numpy.testing.assert_allclose(y.array, expected.array, rtol=1e-6)
        assert sorted(npz.serialize(link)) == ['W', 'b']

    def test_lazy_outsize_groups(self):
        link = L.Deconvolution2D(4, 3, stride=2, outsize=(8, 8))
        assert link(_x((1, 2, 3, 3))).shape == (1, 4, 8, 8)
        assert link.W.shape == (2, 4, 3, 3)
        link = L.Deconvolution2D(4, 6, 3, nobias=True, groups=2)
        assert link.b is None and link.W.shape == (4, 3, 3, 3)
        assert link(_x((1, 4, 3, 3))).shape == (1, 6, 5, 5)


class TestEmbedID(object):

    def test_forward(self):
        link = L.EmbedID(5, 3, ignore_label=-1)
        assert link.W.shape == (5, 3) and link.W.dtype == numpy.float32
        x = numpy.array([[0, 4], [-1, 2]], numpy.int32)
        y = link(x).array
        W = link.W.array
        numpy.testing.assert_array_equal(y[0], W[[0, 4]])
        numpy.testing.assert_array_equal(y[1, 0], 0)
        numpy.testing.assert_array_equal(y[1, 1], W[2])
        assert list(npz.serialize(link)) == ['W']

    def test_normal_scale_one(self):
        numpy.random.seed(0)
        W = L.EmbedID(200, 100).W.array
        assert abs(W.std() - 1) < 0.02

    def test_from_params_and_backward(self):
        W = _x((4, 2))
        link = L.EmbedID.from_params(W, ignore_label=0)
        assert link.ignore_label == 0
        link.cleargrads()
        F.sum(link(numpy.array([0, 1, 1], numpy.int32))).backward()
        numpy.testing.assert_array_equal(
            link.W.grad, [[0, 0], [2, 2], [0, 0], [0, 0]])


_REF_SCRIPT = textwrap.dedent('''
    import json, warnings
    warnings.simplefilter('ignore')
    import numpy
    import chainer.links as L
    out = {}
    numpy.random.seed(3)
    c = L.Convolution2D(2, 3, 3)
    out['conv_W'] = c.W.array.tolist()
    out['conv_b'] = c.b.array.tolist()
    numpy.random.seed(4)
    c = L.Convolution2D(4, 6, (2, 3), groups=2)
    out['conv_groups_W'] = c.W.array.tolist()
    lazy = L.Convolution2D(2, 3)
    numpy.random.seed(5)
    lazy(numpy.ones((1, 3, 4, 4), numpy.float32))
    out['conv_lazy_W'] = lazy.W.array.tolist()
    numpy.random.seed(6)
    out['deconv_W'] = L.Deconvolution2D(2, 4, 3).W.array.tolist()
    numpy.random.seed(7)
    out['embed_W'] = L.EmbedID(5, 3).W.array.tolist()
    print(json.dumps(out))
''')


@pytest.fixture(scope='module')
def chainer_reference():
    return _chainer_ref.run_reference(_REF_SCRIPT)


def test_initial_weights_match_real_chainer(chainer_reference):
    ref = chainer_reference

    def check(a, key):
        assert a.dtype == numpy.float32
        numpy.testing.assert_array_equal(
            a, numpy.array(ref[key], numpy.float32))

    numpy.random.seed(3)
    c = L.Convolution2D(2, 3, 3)
    check(c.W.array, 'conv_W')
    check(c.b.array, 'conv_b')
    numpy.random.seed(4)
    check(L.Convolution2D(4, 6, (2, 3), groups=2).W.array, 'conv_groups_W')
    lazy = L.Convolution2D(2, 3)
    numpy.random.seed(5)
    lazy(numpy.ones((1, 3, 4, 4), numpy.float32))
    check(lazy.W.array, 'conv_lazy_W')
    numpy.random.seed(6)
    check(L.Deconvolution2D(2, 4, 3).W.array, 'deconv_W')
    numpy.random.seed(7)
    check(L.EmbedID(5, 3).W.array, 'embed_W')
