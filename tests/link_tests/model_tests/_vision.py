"""Helpers of the vision model tests: the fixtures recorded from real
Chainer 7.8.1 by make_fixtures_vision.py, building the (large) models
without allocating their parameters, and the comparisons."""
import contextlib
import json
import os

import jax
import numpy
import pytest

import chainerjax
from chainerjax import configuration
from chainerjax import initializers
from chainerjax import serializers

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, 'fixtures_vision.json')) as _f:
    STRUCTURE = json.load(_f)
with numpy.load(os.path.join(HERE, 'fixtures_vision.npz')) as _f:
    OUTPUTS = {k: _f[k] for k in _f.files}


def outputs(case):
    prefix = case + '/'
    return {k[len(prefix):]: v for k, v in OUTPUTS.items()
            if k.startswith(prefix)}


@contextlib.contextmanager
def unallocated_parameters():
    """Links built inside get read-only zero-strided views instead of
    parameter arrays: the structure of a model (names, shapes, dtypes and
    the initializer recorded on each parameter) without allocating and
    filling hundreds of megabytes. Tests then set the arrays they use."""
    original = initializers.generate_array

    def generate_array(initializer, shape, xp, dtype=None, device=None):
        if dtype is None:
            dtype = getattr(initializer, 'dtype', None)
        dtype = configuration.get_dtype(dtype)
        if isinstance(shape, int):
            shape = (shape,)
        return numpy.broadcast_to(numpy.zeros((), dtype), tuple(shape))

    initializers.generate_array = generate_array
    try:
        yield
    finally:
        initializers.generate_array = original


def describe_initializer(init):
    args = {}
    for key in ('scale', 'fill_value', 'fan_option'):
        if hasattr(init, key):
            v = getattr(init, key)
            args[key] = v if isinstance(v, str) else float(v)
    return type(init).__name__, args


def _chainer_initializer_name(name):
    # initializer class names are Chainer's (Zero and One included)
    return name


def check_structure(model, name):
    """Parameter paths, shapes, dtypes and initializers, persistents, the
    keys save_npz writes, children and available layers as in Chainer."""
    expected = STRUCTURE[name]
    params = []
    for path, p in sorted(model.namedparams()):
        init, args = describe_initializer(p.initializer)
        params.append([path, list(p.shape), p.dtype.name, init, args])
    assert len(params) == len(expected['params'])
    for actual, wanted in zip(params, expected['params']):
        wanted = wanted[:3] + [_chainer_initializer_name(wanted[3])] + \
            wanted[4:]
        assert actual == wanted
    persistents = []
    for path, link in sorted(model.namedlinks()):
        for pname in sorted(link._persistent):
            v = getattr(link, pname)
            full = path.rstrip('/') + '/' + pname
            if isinstance(v, numpy.ndarray):
                persistents.append([full, list(v.shape), v.dtype.name])
            else:
                persistents.append([full, None, type(v).__name__])
    assert persistents == expected['persistents']
    target = serializers.DictionarySerializer()
    target.save(model)
    assert sorted(target.target) == expected['npz_keys']
    assert sorted(c.name for c in model.children()) == expected['children']
    assert model.available_layers == expected['available_layers']


def check_pretrained_initializers(make, name):
    """With a pretrained model the parameters start as Chainer's (zeros
    for those the model sets, then overwritten by the file). The file
    loading itself is replaced here by a record of the path."""
    from chainerjax.links.model.vision import _common
    loaded = []
    original = _common.load
    _common.load = lambda model, path: loaded.append(path)
    try:
        with unallocated_parameters():
            model = make('weights.npz')
    finally:
        _common.load = original
    assert loaded == ['weights.npz']
    actual = [[path, type(p.initializer).__name__,
               getattr(p.initializer, 'fill_value', None)]
              for path, p in sorted(model.namedparams())]
    expected = STRUCTURE[name]['pretrained_initializers']
    assert [a[0] for a in actual] == [e[0] for e in expected]
    for (_, init, fill), (_, wanted) in zip(actual, expected):
        assert init == _chainer_initializer_name(wanted)
        if wanted == 'Zero':
            assert fill == 0
    return model


def check_layer_shapes(model, name):
    """The output shape of every layer for one 224 x 224 image, computed
    abstractly (jax.eval_shape: no compilation, no arithmetic)."""
    def run(x):
        ys = model(x, layers=model.available_layers)
        return {k: v.array for k, v in ys.items()}

    x = jax.ShapeDtypeStruct((1, 3, 224, 224), numpy.float32)
    with chainerjax.using_config('train', False), \
            chainerjax.no_backprop_mode():
        shapes = jax.eval_shape(run, x)
    shapes = {k: list(v.shape) for k, v in shapes.items()}
    assert shapes == STRUCTURE[name]['layer_shapes']


def assert_close(actual, expected, rtol=1e-4):
    """float32 results of deep stacks: relative to the output's scale."""
    actual = numpy.asarray(actual)
    assert actual.shape == expected.shape
    assert actual.dtype == expected.dtype
    atol = rtol * max(float(numpy.abs(expected).max()), 1e-30)
    numpy.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol)


def check_layers(model, case, rtol=1e-4):
    """``model(x, layers=...)`` against Chainer's outputs of the case."""
    expected = outputs(case)
    x = expected.pop('x')
    with chainerjax.using_config('train', False), \
            chainerjax.no_backprop_mode():
        ys = model(x, layers=list(expected))
    assert sorted(ys) == sorted(expected)
    for k, v in expected.items():
        assert isinstance(ys[k], chainerjax.Variable)
        assert_close(ys[k].array, v, rtol)


def check_functions(functions, case, rtol=1e-4):
    """The callables of some layers of ``functions`` applied in order to
    the case's input, against Chainer's outputs of each layer."""
    expected = outputs(case)
    h = expected.pop('x')
    names = [k for k in functions if k in expected]
    assert sorted(names) == sorted(expected)
    with chainerjax.using_config('train', False), \
            chainerjax.no_backprop_mode():
        for name in names:
            for f in functions[name]:
                h = f(h)
            assert_close(h.array, expected[name], rtol)


def small_model(cls):
    """An instance of a subclass of ``cls`` whose ``functions`` is a small
    average pooling (as make_fixtures_vision.py makes in
    Chainer), without building the model: tests the glue of predict and
    extract."""
    import collections

    from chainerjax import functions as F

    def tiny_functions(self):
        def pool(x):
            h = F.average_pooling_2d(x, 8, 8)
            return F.reshape(h, (h.shape[0], -1))
        return collections.OrderedDict([('prob', [pool])])

    small = type('Small' + cls.__name__, (cls,),
                 {'functions': property(tiny_functions)})
    model = small.__new__(small)
    chainerjax.Chain.__init__(model)
    return model


def check_predict_and_extract(cls, family):
    pytest.importorskip('PIL')
    model = small_model(cls)
    images = list(OUTPUTS['predict/images'])
    for oversample in (True, False):
        y = model.predict(images, oversample=oversample)
        assert_close(y.array,
                     OUTPUTS['predict_{}_{:d}/y'.format(family, oversample)],
                     rtol=1e-5)
    with chainerjax.using_config('train', False):
        y = model.extract(images, layers=['prob'], size=(20, 16))
    assert_close(y['prob'].array, OUTPUTS['extract_{}/y'.format(family)],
                 rtol=1e-5)


def prepare_cases(family):
    """The recorded ``prepare`` cases of a family: ``<image>_<size>``."""
    prefix = 'prepare_{}_'.format(family)
    return sorted({k.split('/')[0][len(prefix):]
                   for k in OUTPUTS if k.startswith(prefix)})


def check_prepare(prepare, family, case):
    pytest.importorskip('PIL')
    expected = outputs('prepare_{}_{}'.format(family, case))
    size = None if case.endswith('_none') else (16, 12)
    y = prepare(expected['x'], size=size)
    assert isinstance(y, numpy.ndarray)
    assert y.dtype == expected['y'].dtype
    numpy.testing.assert_allclose(y, expected['y'], rtol=0, atol=1e-4)


def check_auto_missing(make, tmp_path, npz_name):
    """``pretrained_model='auto'`` without the cached file: a clear error
    naming the file and the alternatives."""
    from chainerjax.dataset import download
    root = download.get_dataset_root()
    download.set_dataset_root(str(tmp_path))
    try:
        with pytest.raises(FileNotFoundError) as e:
            make()
    finally:
        download.set_dataset_root(root)
    message = str(e.value)
    assert os.path.join(str(tmp_path), 'pfnet', 'chainer', 'models',
                        npz_name) in message
    assert 'pretrained_model=None' in message
    assert 'convert_caffemodel_to_npz' in message
    assert '.npz' in message
