"""Generates the fixtures of the vision model tests with real Chainer 7.8.1:
``fixtures_vision.json`` (structure) and ``fixtures_vision.npz`` (outputs).

``prepare`` needs Pillow: the reference environment must have the version
of the development environment (13.0.0 here), so that images are resized
alike. Run from the repository root::

    python tools/regenerate_fixtures.py make_fixtures_vision

or, with Pillow installed beside a reference environment lacking it::

    /work/refvenv/bin/python -m pip install --no-deps --target /tmp/refpil \
        pillow==13.0.0
    PYTHONPATH=/tmp/refpil /work/refvenv/bin/python \
        tests/link_tests/model_tests/make_fixtures_vision.py

It takes a few minutes (it builds every model with ``pretrained_model=None``
and runs them on 224 x 224 inputs).

``fixtures_vision.json`` holds, per model (``pretrained_model=None``): the
parameters ``[path, shape, dtype, initializer, its arguments]``, the
persistents ``[path, shape or None, dtype or type name]``, the keys that
``save_npz`` writes, the child links, ``available_layers``, and the output
shape of every layer for one 224 x 224 image; and, for one model of each
family built from a ``.npz`` file, the initializers (Chainer then uses
zeros).

``fixtures_vision.npz`` holds outputs for parameters set by
``_vision_weights.fill`` (the same values on both sides), in test mode:
``<case>/x`` the input and ``<case>/<layer>`` the outputs, for parts of the
models (``*_sub``: the first layers of a small image; ``*_tail``: the last
layers applied to a random feature map; ``block_*``: a small
BuildingBlock) and whole models (``*_full``); the
``prepare`` outputs of each family (``prepare_<family>_<image>_<size>``);
and ``predict``/``extract`` of models whose ``functions`` are replaced by a
small average pooling (``predict_<family>_<oversample>``).
"""
import json
import os
import sys
import tempfile

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer.links.model.vision import googlenet
from chainer.links.model.vision import resnet
from chainer.links.model.vision import vgg
from chainer import serializers

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _vision_weights as W  # NOQA

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_JSON = os.path.join(HERE, 'fixtures_vision.json')
OUT_NPZ = os.path.join(HERE, 'fixtures_vision.npz')

MODELS = [
    ('VGG16Layers', L.VGG16Layers),
    ('VGG19Layers', L.VGG19Layers),
    ('ResNet50Layers', L.ResNet50Layers),
    ('ResNet101Layers', L.ResNet101Layers),
    ('ResNet152Layers', L.ResNet152Layers),
    ('GoogLeNet', L.GoogLeNet),
]


def describe_initializer(init):
    args = {}
    for key in ('scale', 'fill_value', 'fan_option'):
        if hasattr(init, key):
            v = getattr(init, key)
            args[key] = v if isinstance(v, str) else float(v)
    return type(init).__name__, args


def structure(model):
    params = []
    for path, p in sorted(model.namedparams()):
        name, args = describe_initializer(p.initializer)
        params.append([path, list(p.shape), p.dtype.name, name, args])
    persistents = []
    for path, link in sorted(model.namedlinks()):
        for name in sorted(link._persistent):
            v = getattr(link, name)
            full = path.rstrip('/') + '/' + name
            if isinstance(v, numpy.ndarray):
                persistents.append([full, list(v.shape), v.dtype.name])
            else:
                persistents.append([full, None, type(v).__name__])
    target = serializers.DictionarySerializer()
    target.save(model)
    return {
        'params': params,
        'persistents': persistents,
        'npz_keys': sorted(target.target),
        'children': sorted(child.name for child in model.children()),
        'available_layers': list(model.available_layers),
    }


def layer_shapes(model):
    x = numpy.zeros((1, 3, 224, 224), numpy.float32)
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        ys = model(x, layers=model.available_layers)
    return {k: list(v.shape) for k, v in ys.items()}


def pretrained_initializers(cls, model):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'model.npz')
        serializers.save_npz(path, model, compression=False)
        loaded = cls(pretrained_model=path)
    return [[path, describe_initializer(p.initializer)[0]]
            for path, p in sorted(loaded.namedparams())]


def run(store, case, funcs_or_model, x, layers=None):
    """Stores ``x`` and the outputs of ``layers`` of a model, or of a list
    of ``(name, callables)`` applied in order."""
    store[case + '/x'] = x
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        if layers is not None:
            ys = funcs_or_model(x, layers=layers)
            for k, v in ys.items():
                store['{}/{}'.format(case, k)] = v.array
        else:
            h = x
            for name, funcs in funcs_or_model:
                for f in funcs:
                    h = f(h)
                store['{}/{}'.format(case, name)] = h.array


def tail(model, names):
    functions = model.functions
    return [(name, functions[name]) for name in names]


def tiny_functions(self):
    import collections

    def pool(x):
        h = F.average_pooling_2d(x, 8, 8)
        return F.reshape(h, (h.shape[0], -1))
    return collections.OrderedDict([('prob', [pool])])


def main():
    info = {}
    store = {}
    models = {}
    for name, cls in MODELS:
        print(name, file=sys.stderr)
        numpy.random.seed(0)
        model = cls(pretrained_model=None)
        info[name] = structure(model)
        info[name]['layer_shapes'] = layer_shapes(model)
        if name in ('VGG16Layers', 'ResNet50Layers', 'GoogLeNet'):
            info[name]['pretrained_initializers'] = pretrained_initializers(
                cls, model)
        if name in ('VGG16Layers', 'VGG19Layers', 'ResNet50Layers',
                    'GoogLeNet'):
            W.fill(model)
            models[name] = model
        del model

    vgg16 = models['VGG16Layers']
    run(store, 'vgg16_sub', vgg16, W.inputs(1, (1, 3, 16, 16)),
        ['conv1_2', 'pool1', 'conv2_2', 'pool2'])
    run(store, 'vgg16_tail', tail(vgg16, ['fc7', 'fc8', 'prob']),
        numpy.abs(W.inputs(2, (1, 4096))))
    run(store, 'vgg16_full', vgg16, W.inputs(3, (1, 3, 32, 32)),
        ['pool1', 'conv3_3', 'conv5_3', 'pool5'])
    run(store, 'vgg19_sub', models['VGG19Layers'],
        W.inputs(1, (1, 3, 16, 16)), ['pool3'])

    resnet50 = models['ResNet50Layers']
    run(store, 'resnet50_sub', resnet50, W.inputs(4, (1, 3, 32, 32)),
        ['conv1', 'pool1', 'res2'])
    run(store, 'resnet50_tail', tail(resnet50, ['pool5', 'fc6', 'prob']),
        numpy.abs(W.inputs(5, (1, 2048, 2, 2))))
    run(store, 'resnet50_full', resnet50, W.inputs(6, (1, 3, 32, 32)),
        resnet50.available_layers)
    for fb in (False, True):
        block = resnet.BuildingBlock(2, 4, 3, 8, 2, downsample_fb=fb)
        W.fill(block)
        run(store, 'block_fb{:d}'.format(fb), [('y', [block])],
            W.inputs(7, (1, 4, 7, 7)))

    net = models['GoogLeNet']
    run(store, 'googlenet_sub', net, W.inputs(9, (1, 3, 32, 32)),
        ['conv1', 'pool1', 'conv2_reduce', 'conv2', 'pool2',
         'inception_3a'])
    run(store, 'googlenet_tail', tail(net, ['pool5', 'loss3_fc', 'prob']),
        numpy.abs(W.inputs(10, (1, 1024, 7, 7))))
    run(store, 'googlenet_aux1', tail(net, ['loss1_fc2']),
        numpy.abs(W.inputs(11, (1, 512, 14, 14))))
    run(store, 'googlenet_full', net, W.inputs(13, (1, 3, 224, 224)),
        ['pool5', 'prob', 'loss1_fc2', 'loss2_fc2'])

    # prepare
    rs = numpy.random.RandomState(14)
    images = {
        'hwc': rs.randint(0, 256, (20, 24, 3)).astype(numpy.uint8),
        'chw': rs.randint(0, 256, (3, 20, 24)).astype(numpy.uint8),
        'gray': rs.randint(0, 256, (20, 24)).astype(numpy.uint8),
        'float': rs.uniform(0, 255, (20, 24, 3)),
    }
    for family, module in (('vgg', vgg), ('resnet', resnet),
                           ('googlenet', googlenet)):
        for iname, image in images.items():
            for sname, size in (('none', None), ('16x12', (16, 12))):
                case = 'prepare_{}_{}_{}'.format(family, iname, sname)
                store[case + '/x'] = image
                store[case + '/y'] = module.prepare(image, size=size)

    # predict and extract of the glue code, with small functions
    images = [rs.randint(0, 256, (30, 40, 3)).astype(numpy.uint8)
              for _ in range(2)]
    store['predict/images'] = numpy.stack(images)
    for family, cls in (('resnet', L.ResNet50Layers),
                        ('googlenet', L.GoogLeNet),
                        ('vgg', L.VGG16Layers)):
        small = type('Small' + cls.__name__, (cls,),
                     {'functions': property(tiny_functions)})
        model = small.__new__(small)
        chainer.Chain.__init__(model)
        for oversample in (True, False):
            y = model.predict(images, oversample=oversample)
            store['predict_{}_{:d}/y'.format(family, oversample)] = y.array
        with chainer.using_config('train', False):
            y = model.extract(images, layers=['prob'], size=(20, 16))
        store['extract_{}/y'.format(family)] = y['prob'].array

    with open(OUT_JSON + '.tmp', 'w') as f:
        json.dump(info, f, indent=0, sort_keys=True)
    os.replace(OUT_JSON + '.tmp', OUT_JSON)
    tmp = OUT_NPZ + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, OUT_NPZ)
    print('wrote {} and {} arrays to {}'.format(OUT_JSON, len(store),
                                                 OUT_NPZ))


if __name__ == '__main__':
    main()
