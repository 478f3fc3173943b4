import numpy
import pytest

import chainerjax
from chainerjax import links
from chainerjax.links.model.vision import vgg
from chainerjax import testing
from tests.link_tests.model_tests import _vision
from tests.link_tests.model_tests import _vision_weights


@pytest.fixture(scope='module')
def vgg16():
    """VGG16 with the deterministic parameters of make_fixtures_vision.py
    on the layers the tests run (conv1, conv2, fc7 and fc8); the others
    (fc6's 100M among them) stay unallocated."""
    with _vision.unallocated_parameters():
        model = vgg.VGG16Layers(pretrained_model=None)
    _vision_weights.fill(model, ('/conv1_', '/conv2_', '/fc7', '/fc8'))
    return model


@pytest.mark.parametrize('cls', [vgg.VGG16Layers, vgg.VGG19Layers])
def test_structure_and_layer_shapes(cls):
    # pretrained_model=None: Normal(0.01) weights and zero biases
    with _vision.unallocated_parameters():
        model = cls(pretrained_model=None)
    _vision.check_structure(model, cls.__name__)
    _vision.check_layer_shapes(model, cls.__name__)


def test_pretrained_initializers():
    _vision.check_pretrained_initializers(
        lambda path: vgg.VGG16Layers(pretrained_model=path), 'VGG16Layers')


def test_forward_first_layers(vgg16):
    _vision.check_layers(vgg16, 'vgg16_sub')


def test_forward_last_layers(vgg16):
    _vision.check_functions(vgg16.functions, 'vgg16_tail')


def test_vgg19_forward_first_layers():
    # VGG19 has a fourth convolution (conv3_4) in the third block
    with _vision.unallocated_parameters():
        model = vgg.VGG19Layers(pretrained_model=None)
    _vision_weights.fill(model, ('/conv1_', '/conv2_', '/conv3_'))
    _vision.check_layers(model, 'vgg19_sub')


def test_forward_stops_at_the_last_requested_layer(vgg16):
    # fc6 needs 224 x 224 images: a 16 x 16 one stops before
    x = numpy.zeros((1, 3, 16, 16), numpy.float32)
    with chainerjax.no_backprop_mode():
        ys = vgg16(x, layers=['pool1'])
    assert list(ys) == ['pool1']
    assert vgg16(x, layers=[]) == {}


def test_forward_arguments(vgg16):
    x = numpy.zeros((1, 3, 16, 16), numpy.float32)
    with pytest.raises(ValueError, match='using_config'):
        vgg16(x, layers=[], test=True)
    with pytest.raises(TypeError):
        vgg16(x, layers=[], foo=1)
    with pytest.raises(ValueError, match='using_config'):
        vgg16.extract([], layers=[], volatile=True)


@pytest.mark.parametrize('case', _vision.prepare_cases('vgg'))
def test_prepare(case):
    _vision.check_prepare(vgg.prepare, 'vgg', case)


def test_predict_and_extract():
    _vision.check_predict_and_extract(vgg.VGG16Layers, 'vgg')


def test_invalid_n_layers():
    with pytest.raises(ValueError):
        vgg.VGGLayers(pretrained_model=None, n_layers=18)


def test_auto_without_the_cached_file(tmp_path):
    with _vision.unallocated_parameters():
        _vision.check_auto_missing(vgg.VGG16Layers, tmp_path,
                                   'VGG_ILSVRC_16_layers.npz')
        _vision.check_auto_missing(vgg.VGG19Layers, tmp_path,
                                   'VGG_ILSVRC_19_layers.npz')


def test_convert_caffemodel_to_npz_is_not_available(tmp_path):
    with pytest.raises(NotImplementedError, match='real Chainer'):
        vgg.VGG16Layers.convert_caffemodel_to_npz(
            str(tmp_path / 'a.caffemodel'), str(tmp_path / 'a.npz'))


def test_exported():
    assert links.VGG16Layers is vgg.VGG16Layers
    assert links.VGG19Layers is vgg.VGG19Layers


@testing.attr.slow
def test_vgg16_built_for_real():
    # Allocates and samples the 138M parameters (about 1 GB with the
    # gradients), then runs the convolutional part on a 32 x 32 image.
    model = vgg.VGG16Layers(pretrained_model=None)
    _vision.check_structure(model, 'VGG16Layers')
    w = model.fc6.W.array
    assert abs(float(w[:64].std()) - 0.01) < 5e-4
    assert not model.fc6.b.array.any()
    _vision_weights.fill(model)
    _vision.check_layers(model, 'vgg16_full')


testing.run_module(__name__, __file__)
