import os

import numpy
import pytest

from chainerjax.dataset import download
from chainerjax import links
from chainerjax.links.model.vision import googlenet
from chainerjax import serializers
from chainerjax import testing
from tests.link_tests.model_tests import _vision
from tests.link_tests.model_tests import _vision_weights


@pytest.fixture(scope='module')
def net():
    """GoogLeNet with the deterministic parameters of
    make_fixtures_vision.py."""
    with _vision.unallocated_parameters():
        model = googlenet.GoogLeNet(pretrained_model=None)
    _vision_weights.fill(model)
    return model


def test_structure_and_layer_shapes():
    # pretrained_model=None: LeCunUniform outside of the Inception modules,
    # Chainer's defaults inside
    with _vision.unallocated_parameters():
        model = googlenet.GoogLeNet(pretrained_model=None)
    _vision.check_structure(model, 'GoogLeNet')
    _vision.check_layer_shapes(model, 'GoogLeNet')


def test_pretrained_initializers():
    _vision.check_pretrained_initializers(
        lambda path: googlenet.GoogLeNet(pretrained_model=path), 'GoogLeNet')


def test_forward_first_layers(net):
    _vision.check_layers(net, 'googlenet_sub')


def test_forward_last_layers(net):
    _vision.check_functions(net.functions, 'googlenet_tail')


def test_auxiliary_classifier(net):
    # loss1_fc2 (loss2_fc2 is the same on inception_4d: in the slow test)
    _vision.check_functions(net.functions, 'googlenet_aux1')


def test_save_and_load_by_path(tmp_path):
    # a model with initial weights, saved and loaded into a new one by path
    # (and by 'auto' from the file Chainer caches)
    model = googlenet.GoogLeNet(pretrained_model=None)
    _vision.check_structure(model, 'GoogLeNet')   # built for real
    path = str(tmp_path / 'googlenet.npz')
    serializers.save_npz(path, model, compression=False)
    loaded = googlenet.GoogLeNet(pretrained_model=path)
    params = dict(model.namedparams())
    for name, p in loaded.namedparams():
        numpy.testing.assert_array_equal(p.array, params[name].array)

    root = download.get_dataset_root()
    download.set_dataset_root(str(tmp_path))
    try:
        cache = download.get_dataset_directory('pfnet/chainer/models')
        os.replace(path, os.path.join(cache, 'bvlc_googlenet.npz'))
        auto = googlenet.GoogLeNet()
    finally:
        download.set_dataset_root(root)
    for name, p in auto.namedparams():
        numpy.testing.assert_array_equal(p.array, params[name].array)


def test_forward_arguments(net):
    x = numpy.zeros((1, 3, 32, 32), numpy.float32)
    with pytest.raises(ValueError, match='using_config'):
        net(x, layers=[], train=True)
    with pytest.raises(TypeError):
        net(x, layers=[], test=True)
    with pytest.raises(ValueError, match='using_config'):
        net.extract([], layers=[], volatile=True)


@pytest.mark.parametrize('case', _vision.prepare_cases('googlenet'))
def test_prepare(case):
    _vision.check_prepare(googlenet.prepare, 'googlenet', case)


def test_predict_and_extract():
    _vision.check_predict_and_extract(googlenet.GoogLeNet, 'googlenet')


def test_auto_without_the_cached_file(tmp_path):
    with _vision.unallocated_parameters():
        _vision.check_auto_missing(googlenet.GoogLeNet, tmp_path,
                                   'bvlc_googlenet.npz')


def test_convert_caffemodel_to_npz_is_not_available(tmp_path):
    with pytest.raises(NotImplementedError, match='real Chainer'):
        googlenet.GoogLeNet.convert_caffemodel_to_npz(
            str(tmp_path / 'a.caffemodel'), str(tmp_path / 'a.npz'))


def test_exported():
    assert links.GoogLeNet is googlenet.GoogLeNet


@testing.attr.slow
def test_googlenet_on_224_images(net):
    # every layer, and the auxiliary classifiers, on a 224 x 224 image
    _vision.check_layers(net, 'googlenet_full')


testing.run_module(__name__, __file__)
