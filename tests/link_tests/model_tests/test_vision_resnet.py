import warnings

import numpy
import pytest

from chainerjax import links
from chainerjax.links.model.vision import resnet
from chainerjax import testing
from tests.link_tests.model_tests import _vision
from tests.link_tests.model_tests import _vision_weights


@pytest.fixture(scope='module')
def resnet50():
    """ResNet50 with the deterministic parameters (and batch normalization
    statistics) of make_fixtures_vision.py."""
    with _vision.unallocated_parameters():
        model = resnet.ResNet50Layers(pretrained_model=None)
    _vision_weights.fill(model)
    return model


@pytest.mark.parametrize('cls', [resnet.ResNet50Layers,
                                 resnet.ResNet101Layers,
                                 resnet.ResNet152Layers])
def test_structure_and_layer_shapes(cls):
    # pretrained_model=None: HeNormal convolution weights, default
    # initializers elsewhere
    with _vision.unallocated_parameters():
        model = cls(pretrained_model=None)
    _vision.check_structure(model, cls.__name__)
    _vision.check_layer_shapes(model, cls.__name__)


def test_pretrained_initializers():
    _vision.check_pretrained_initializers(
        lambda path: resnet.ResNet50Layers(pretrained_model=path),
        'ResNet50Layers')


def test_forward_first_layers(resnet50):
    _vision.check_layers(resnet50, 'resnet50_sub')


def test_forward_last_layers(resnet50):
    _vision.check_functions(resnet50.functions, 'resnet50_tail')


@pytest.mark.parametrize('downsample_fb', [False, True])
def test_building_block(downsample_fb):
    # a block whose first bottleneck halves the resolution
    block = resnet.BuildingBlock(2, 4, 3, 8, 2, downsample_fb=downsample_fb)
    assert sorted(c.name for c in block.children()) == ['a', 'b1']
    _vision_weights.fill(block)
    _vision.check_functions({'y': [block]},
                            'block_fb{:d}'.format(downsample_fb))


@pytest.mark.parametrize('downsample_fb', [False, True])
def test_stride_placement(downsample_fb):
    with _vision.unallocated_parameters():
        model = resnet.ResNet50Layers(pretrained_model=None,
                                      downsample_fb=downsample_fb)
    a = model.res3.a
    assert a.conv4.stride == (2, 2)
    if downsample_fb:
        assert (a.conv1.stride, a.conv2.stride) == ((1, 1), (2, 2))
    else:
        assert (a.conv1.stride, a.conv2.stride) == ((2, 2), (1, 1))
    assert model.res2.a.conv1.stride == (1, 1)


def test_n_layer_is_deprecated():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        block = resnet.BuildingBlock(in_channels=4, mid_channels=2,
                                     out_channels=4, stride=1, n_layer=3)
    assert any(issubclass(x.category, DeprecationWarning) for x in w)
    assert sorted(c.name for c in block.children()) == ['a', 'b1', 'b2']


def test_forward_arguments(resnet50):
    x = numpy.zeros((1, 3, 32, 32), numpy.float32)
    with pytest.raises(ValueError, match='using_config'):
        resnet50(x, layers=[], test=True)
    with pytest.raises(TypeError):
        resnet50(x, layers=[], train=True)
    with pytest.raises(ValueError, match='using_config'):
        resnet50.extract([], layers=[], volatile=True)


@pytest.mark.parametrize('case', _vision.prepare_cases('resnet'))
def test_prepare(case):
    _vision.check_prepare(resnet.prepare, 'resnet', case)


def test_predict_and_extract():
    _vision.check_predict_and_extract(resnet.ResNet50Layers, 'resnet')


def test_invalid_n_layers():
    with pytest.raises(ValueError):
        resnet.ResNetLayers(None, 34)


def test_auto_without_the_cached_file(tmp_path):
    with _vision.unallocated_parameters():
        _vision.check_auto_missing(resnet.ResNet50Layers, tmp_path,
                                   'ResNet-50-model.npz')
        _vision.check_auto_missing(
            lambda: resnet.ResNet152Layers('my.caffemodel'), tmp_path,
            'ResNet-152-model.npz')


def test_convert_caffemodel_to_npz_is_not_available(tmp_path):
    with pytest.raises(NotImplementedError, match='real Chainer'):
        resnet.ResNet50Layers.convert_caffemodel_to_npz(
            str(tmp_path / 'a.caffemodel'), str(tmp_path / 'a.npz'), 50)


def test_exported():
    assert links.ResNet50Layers is resnet.ResNet50Layers
    assert links.ResNet101Layers is resnet.ResNet101Layers
    assert links.ResNet152Layers is resnet.ResNet152Layers


@testing.attr.slow
def test_resnet50_built_for_real():
    # Allocates and samples the parameters, then runs every layer on a
    # 32 x 32 image.
    model = resnet.ResNet50Layers(pretrained_model=None)
    _vision.check_structure(model, 'ResNet50Layers')
    w = model.res4.a.conv2.W.array
    assert abs(float(w.std()) - numpy.sqrt(2. / (256 * 9))) < 2e-3
    _vision_weights.fill(model)
    _vision.check_layers(model, 'resnet50_full')


testing.run_module(__name__, __file__)
