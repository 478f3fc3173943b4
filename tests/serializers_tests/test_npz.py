import io
import json
import os
import subprocess
import textwrap

import jax
import numpy
import pytest

import chainerjax as chainer
from chainerjax import serializers
from chainerjax.serializers import npz
import chainerjax.links as L

REF_PYTHON = '/work/refvenv/bin/python'


class MLP(chainer.Chain):
    def __init__(self, n_in=3, n_hidden=4, n_out=2):
        super().__init__()
        with self.init_scope():
            self.l1 = L.Linear(n_in, n_hidden)
            self.l2 = L.Linear(n_hidden, n_out)


class Classifier(chainer.Chain):
    # The shape of Chainer's L.Classifier: keys 'predictor/l1/W', ...
    def __init__(self, predictor):
        super().__init__()
        with self.init_scope():
            self.predictor = predictor


class WithPersistents(chainer.Link):
    def __init__(self):
        super().__init__()
        with self.init_scope():
            self.w = chainer.Parameter(chainer.initializers.Normal(), (2, 2))
        self.add_persistent('avg', numpy.zeros(3, numpy.float32))
        self.add_persistent('n', 0)
        self.add_persistent('rate', 0.5)
        self.add_persistent('nothing', None)
        self.add_persistent('flag', False)


def _load_raw(path):
    with numpy.load(path, allow_pickle=True) as f:
        return {k: f[k] for k in f.files}


class TestDictionarySerializer(object):

    def test_keys_and_values(self):
        s = npz.DictionarySerializer()
        s('a', numpy.arange(3))
        s['child']('b', 5)
        s['child']['/deep/']('/c', None)
        assert sorted(s.target) == ['a', 'child/b', 'child/deep/c']
        assert isinstance(s.target['child/b'], numpy.ndarray)
        assert s.target['child/b'][()] == 5
        none = s.target['child/deep/c']
        assert none.dtype == object and none.shape == () and none[()] is None

    def test_returns_value(self):
        s = npz.DictionarySerializer()
        v = numpy.ones(2)
        assert s('v', v) is v

    def test_jax_array_to_host(self):
        s = npz.DictionarySerializer()
        s('v', jax.numpy.ones(2))
        assert isinstance(s.target['v'], numpy.ndarray)

    def test_serialize_function(self):
        model = Classifier(MLP())
        assert sorted(npz.serialize(model)) == [
            'predictor/l1/W', 'predictor/l1/b', 'predictor/l2/W',
            'predictor/l2/b']


class TestSaveLoad(object):

    @pytest.mark.parametrize('compression', [True, False])
    def test_round_trip(self, tmp_path, compression):
        src, dst = MLP(), MLP()
        path = str(tmp_path / 'model.npz')
        serializers.save_npz(path, src, compression=compression)
        assert os.listdir(str(tmp_path)) == ['model.npz']
        serializers.load_npz(path, dst)
        for (n1, p1), (n2, p2) in zip(src.namedparams(), dst.namedparams()):
            assert n1 == n2
            numpy.testing.assert_array_equal(p1.array, p2.array)
            assert p2.dtype == numpy.float32

    def test_no_suffix_added(self, tmp_path):
        path = tmp_path / 'snapshot_iter_10'
        serializers.save_npz(path, MLP())   # path-like
        assert os.listdir(str(tmp_path)) == ['snapshot_iter_10']

    def test_file_objects(self):
        src, dst = MLP(), MLP()
        buf = io.BytesIO()
        serializers.save_npz(buf, src)
        buf.seek(0)
        serializers.load_npz(buf, dst)
        numpy.testing.assert_array_equal(dst.l2.W.array, src.l2.W.array)

    def test_save_dict(self, tmp_path):
        path = str(tmp_path / 'd.npz')
        serializers.save_npz(path, {'a': numpy.arange(2)})
        assert list(_load_raw(path)) == ['a']

    def test_persistents_round_trip(self, tmp_path):
        src = WithPersistents()
        src.avg[...] = [1, 2, 3]
        src.n = 42
        src.rate = 0.25
        src.flag = True
        path = str(tmp_path / 'p.npz')
        serializers.save_npz(path, src)
        raw = _load_raw(path)
        assert sorted(raw) == ['avg', 'flag', 'n', 'nothing', 'rate', 'w']
        assert raw['nothing'].dtype == object
        dst = WithPersistents()
        avg = dst.avg
        serializers.load_npz(path, dst)
        assert dst.avg is avg              # NumPy arrays: loaded in place
        numpy.testing.assert_array_equal(dst.avg, [1, 2, 3])
        assert dst.n == 42 and type(dst.n) is int
        assert dst.rate == 0.25 and type(dst.rate) is float
        assert dst.flag is True
        assert dst.nothing is None
        numpy.testing.assert_array_equal(dst.w.array, src.w.array)

    def test_stored_none_replaces_value(self, tmp_path):
        path = str(tmp_path / 'p.npz')
        serializers.save_npz(path, WithPersistents())
        dst = WithPersistents()
        dst.nothing = numpy.ones(2)
        serializers.load_npz(path, dst)
        assert dst.nothing is None

    def test_lazy_parameter_initialized_from_file(self, tmp_path):
        src = MLP()
        path = str(tmp_path / 'm.npz')
        serializers.save_npz(path, src)
        dst = chainer.Chain()
        with dst.init_scope():
            dst.l1 = L.Linear(4)
            dst.l2 = L.Linear(2)
        serializers.load_npz(path, dst)
        assert dst.l1.W.shape == (4, 3)
        numpy.testing.assert_array_equal(dst.l1.W.array, src.l1.W.array)
        assert isinstance(dst.l1.W.array, numpy.ndarray)
        assert dst.l1.W.dtype == numpy.float32

    def test_uninitialized_saved_as_none(self, tmp_path):
        path = str(tmp_path / 'lazy.npz')
        lazy = L.Linear(3)
        serializers.save_npz(path, lazy)
        raw = _load_raw(path)
        assert raw['W'].dtype == object and raw['W'][()] is None
        other = L.Linear(3)
        serializers.load_npz(path, other)        # None into None: stays
        assert other.W.array is None

    def test_jax_device(self, tmp_path):
        src = MLP()
        path = str(tmp_path / 'm.npz')
        src.to_device('@jax:cpu:0')
        serializers.save_npz(path, src)         # saves from the device
        dst = MLP().to_device('@jax:cpu:0')
        lazy = chainer.Chain()
        with lazy.init_scope():
            lazy.l1 = L.Linear(4)
            lazy.l2 = L.Linear(2)
        lazy.to_device('@jax:cpu:0')
        for target in (dst, lazy):
            serializers.load_npz(path, target)
            for (_, p1), (_, p2) in zip(src.namedparams(),
                                        target.namedparams()):
                assert isinstance(p2.array, jax.Array)
                assert p2.device.name == '@jax:cpu:0'
                numpy.testing.assert_array_equal(
                    numpy.asarray(p2.array), numpy.asarray(p1.array))

    def test_jax_persistent(self, tmp_path):
        src = WithPersistents()
        src.avg[...] = 3
        path = str(tmp_path / 'p.npz')
        serializers.save_npz(path, src)
        dst = WithPersistents().to_device('@jax:cpu:0')
        serializers.load_npz(path, dst)
        assert isinstance(dst.avg, jax.Array)
        numpy.testing.assert_array_equal(numpy.asarray(dst.avg), [3, 3, 3])

    def test_read_only_array(self, tmp_path):
        # Arrays computed by JAX are read-only NumPy views on '@numpy'.
        src = MLP()
        path = str(tmp_path / 'm.npz')
        serializers.save_npz(path, src)
        dst = MLP()
        dst.l1.W.array = dst.l1.W.array * 2   # computed array
        serializers.load_npz(path, dst)
        numpy.testing.assert_array_equal(dst.l1.W.array, src.l1.W.array)


class TestLoadOptions(object):

    @pytest.fixture
    def path(self, tmp_path):
        p = str(tmp_path / 'm.npz')
        serializers.save_npz(p, MLP())
        return p

    def test_missing_key_strict(self, path):
        class Bigger(MLP):
            def __init__(self):
                super().__init__()
                with self.init_scope():
                    self.l3 = L.Linear(2, 2)

        with pytest.raises(KeyError):
            serializers.load_npz(path, Bigger())

    def test_missing_key_not_strict(self, path):
        class Bigger(MLP):
            def __init__(self):
                super().__init__()
                with self.init_scope():
                    self.l3 = L.Linear(2, 2)

        model = Bigger()
        W3 = model.l3.W.array.copy()
        serializers.load_npz(path, model, strict=False)
        numpy.testing.assert_array_equal(model.l3.W.array, W3)
        numpy.testing.assert_array_equal(model.l1.W.array,
                                         _load_raw(path)['l1/W'])

    def test_path(self, path, tmp_path):
        wrapped = str(tmp_path / 'wrapped.npz')
        serializers.save_npz(wrapped, Classifier(MLP()))
        model = MLP()
        serializers.load_npz(wrapped, model, path='predictor/')
        numpy.testing.assert_array_equal(
            model.l2.b.array, _load_raw(wrapped)['predictor/l2/b'])

    @pytest.mark.parametrize('ignore', [
        'l1/W', ['l1/W', 'x'], lambda key: key.endswith('1/W')])
    def test_ignore_names(self, path, ignore):
        model = MLP()
        W = model.l1.W.array.copy()
        serializers.load_npz(path, model, ignore_names=ignore)
        numpy.testing.assert_array_equal(model.l1.W.array, W)
        numpy.testing.assert_array_equal(model.l2.W.array,
                                         _load_raw(path)['l2/W'])

    def test_bad_ignore_names(self, path):
        with pytest.raises(ValueError):
            serializers.load_npz(path, MLP(), ignore_names=1)

    def test_shape_mismatch(self, path):
        with pytest.raises(ValueError, match="Shape mismatch .*'l1/W'"):
            serializers.load_npz(path, MLP(n_hidden=5))

    def test_no_unpickling(self, tmp_path):
        path = str(tmp_path / 'evil.npz')
        obj = numpy.empty(2, dtype=object)
        obj[0], obj[1] = {'a': 1}, None
        numpy.savez(path, v=obj)

        class Holder(chainer.Link):
            def __init__(self):
                super().__init__()
                self.add_persistent('v', None)

        with pytest.raises(ValueError, match='pickle'):
            serializers.load_npz(path, Holder())


class TestAtomicWrite(object):

    def test_failed_save_keeps_old_file(self, tmp_path):
        path = str(tmp_path / 'm.npz')
        model = MLP()
        serializers.save_npz(path, model)
        before = open(path, 'rb').read()

        class Broken(chainer.Link):
            def serialize(self, serializer):
                serializer('a', numpy.ones(3))
                raise RuntimeError('disk on fire')

        with pytest.raises(RuntimeError):
            serializers.save_npz(path, Broken())
        assert open(path, 'rb').read() == before
        assert os.listdir(str(tmp_path)) == ['m.npz']

    def test_overwrite(self, tmp_path):
        path = str(tmp_path / 'm.npz')
        serializers.save_npz(path, MLP())
        model = MLP()
        serializers.save_npz(path, model)
        numpy.testing.assert_array_equal(_load_raw(path)['l1/W'],
                                         model.l1.W.array)
        assert os.listdir(str(tmp_path)) == ['m.npz']

    def test_permissions_follow_umask(self, tmp_path):
        path = str(tmp_path / 'm.npz')
        serializers.save_npz(path, MLP())
        plain = str(tmp_path / 'plain')
        open(plain, 'wb').close()
        assert os.stat(path).st_mode == os.stat(plain).st_mode


class TestTestingHelper(object):

    def test_save_and_load_npz(self):
        src, dst = MLP(), MLP()
        chainer.testing.save_and_load_npz(src, dst)
        numpy.testing.assert_array_equal(src.l1.W.array, dst.l1.W.array)


# ---------------------------------------------------------------------------
# Interchange with real Chainer 7.8.1

_CHAINER_MODEL = textwrap.dedent('''
    import json, sys, warnings
    warnings.simplefilter('ignore')
    import numpy
    import chainer
    import chainer.links as L

    class MLP(chainer.Chain):
        def __init__(self):
            super().__init__()
            with self.init_scope():
                self.l1 = L.Linear(3, 4)
                self.l2 = L.Linear(4, 2)
                self.l3 = L.Linear(2, 2, nobias=True)
            self.add_persistent('count', 7)
            self.add_persistent('avg', numpy.arange(3, dtype=numpy.float32))
            self.add_persistent('nothing', None)

    def build():
        model = L.Classifier(MLP())
        model.add_persistent('lazy_holder', None)
        with model.init_scope():
            model.lazy = L.Linear(2)   # stays uninitialized: saved as None
        return model
''')

_CHAINER_SAVE = _CHAINER_MODEL + textwrap.dedent('''
    numpy.random.seed(int(sys.argv[2]))
    model = build()
    chainer.serializers.save_npz(sys.argv[1], model)
    print('ok')
''')

_CHAINER_LOAD = _CHAINER_MODEL + textwrap.dedent('''
    model = build()
    chainer.serializers.load_npz(sys.argv[1], model)
    out = {name: (None if p.array is None else p.array.tolist())
           for name, p in model.namedparams()}
    out['count'] = model.predictor.count
    out['avg'] = model.predictor.avg.tolist()
    out['nothing'] = repr(model.predictor.nothing)
    print(json.dumps(out))
''')


class _Predictor(chainer.Chain):
    def __init__(self):
        super().__init__()
        with self.init_scope():
            self.l1 = L.Linear(3, 4)
            self.l2 = L.Linear(4, 2)
            self.l3 = L.Linear(2, 2, nobias=True)
        self.add_persistent('count', 7)
        self.add_persistent('avg', numpy.arange(3, dtype=numpy.float32))
        self.add_persistent('nothing', None)


def _build():
    # The same structure as the Chainer script (L.Classifier keeps its
    # predictor under 'predictor').
    model = Classifier(_Predictor())
    model.add_persistent('lazy_holder', None)
    with model.init_scope():
        model.lazy = L.Linear(2)
    return model


def _run_chainer(script, *args):
    if not os.path.exists(REF_PYTHON):
        pytest.skip('real Chainer is not available ({} does not exist)'
                    .format(REF_PYTHON))
    proc = subprocess.run([REF_PYTHON, '-c', script] + list(args),
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        if 'No module named' in proc.stderr:
            pytest.skip('real Chainer cannot be imported: '
                        + proc.stderr[-300:])
        raise AssertionError('the Chainer script failed:\n' + proc.stderr)
    return proc.stdout.strip().splitlines()[-1]


@pytest.fixture(scope='module')
def chainer_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp('ref') / 'chainer_model.npz')
    _run_chainer(_CHAINER_SAVE, path, '0')
    return path


def test_load_file_written_by_chainer(chainer_file):
    raw = _load_raw(chainer_file)
    model = _build()
    ours = npz.serialize(model)
    assert sorted(raw) == sorted(ours)          # identical key names
    for key in raw:
        assert raw[key].dtype == ours[key].dtype, key
        assert raw[key].shape == ours[key].shape, key

    serializers.load_npz(chainer_file, model)
    numpy.random.seed(0)
    same_init = _build()       # numpy's seed reproduces Chainer's weights
    for key, value in npz.serialize(model).items():
        if value.dtype == object:
            assert raw[key].dtype == object and raw[key][()] is None
            continue
        numpy.testing.assert_array_equal(value, raw[key], err_msg=key)
        numpy.testing.assert_array_equal(
            npz.serialize(same_init)[key], raw[key], err_msg=key)
    assert model.predictor.count == 7
    assert model.lazy.W.array is None


def test_chainer_loads_file_written_by_chainerjax(tmp_path):
    numpy.random.seed(123)
    model = _build()
    model.predictor.count = 11
    model.predictor.avg[...] = [5, 6, 7]
    model.predictor.nothing = None
    path = str(tmp_path / 'ours.npz')
    serializers.save_npz(path, model)
    out = json.loads(_run_chainer(_CHAINER_LOAD, path))
    for name, p in model.namedparams():
        if p.array is None:
            assert out[name] is None, name
        else:
            numpy.testing.assert_array_equal(
                numpy.array(out[name], p.dtype), p.array, err_msg=name)
    assert out['count'] == 11
    assert out['avg'] == [5, 6, 7]
    assert out['nothing'] == 'None'
