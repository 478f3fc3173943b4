import os
import subprocess
import textwrap

import numpy
import pytest

h5py = pytest.importorskip('h5py')

import chainerjax as chainer  # NOQA: E402
import chainerjax.links as L  # NOQA: E402
from chainerjax import optimizers  # NOQA: E402
from chainerjax import serializers  # NOQA: E402
from chainerjax.serializers import hdf5  # NOQA: E402
from tests.serializers_tests import hdf5_model_def  # NOQA: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_FILE = os.path.join(HERE, 'hdf5_model.h5')       # by real Chainer
SNAPSHOT_FILE = os.path.join(HERE, 'hdf5_snapshot.h5')  # by real Chainer
REF_PYTHON = '/work/refvenv/bin/python'


def _layout(group):
    """``path -> (shape, dtype, compression, level, value)`` of every
    dataset (shape None: an empty dataset, i.e. None)."""
    out = {}

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            value = None if obj.shape is None else numpy.asarray(obj)
            out[name] = (obj.shape, obj.dtype.str, obj.compression,
                         obj.compression_opts, value)
        else:
            out[name] = 'group'
    group.visititems(visit)
    return out


def _assert_same_layout(actual, expected, values=True):
    assert sorted(actual) == sorted(expected)
    for key in expected:
        if expected[key] == 'group':
            assert actual[key] == 'group', key
            continue
        assert actual[key][:4] == expected[key][:4], key
        if values and expected[key][4] is not None:
            numpy.testing.assert_array_equal(actual[key][4],
                                             expected[key][4], err_msg=key)


def _model():
    return hdf5_model_def.build(chainer)


class TestInterchangeWithChainer(object):

    def test_load_file_written_by_chainer(self):
        model = _model()
        serializers.load_hdf5(MODEL_FILE, model)
        with h5py.File(MODEL_FILE, 'r') as f:
            for path, param in model.namedparams():
                stored = f[path.lstrip('/')]
                if stored.shape is None:
                    assert param.array is None, path
                else:
                    numpy.testing.assert_array_equal(param.array, stored)
            numpy.testing.assert_array_equal(model.core.bn.avg_var,
                                             f['core/bn/avg_var'])
        assert model.lazy.W.array is None
        assert model.count == 5 and type(model.count) is int
        assert model.rate == 0.25 and model.nothing is None
        assert model.core.bn.N == 0

    def test_saved_layout_matches_chainer(self, tmp_path):
        model = _model()
        serializers.load_hdf5(MODEL_FILE, model)
        path = str(tmp_path / 'model.h5')
        serializers.save_hdf5(path, model)
        with h5py.File(path, 'r') as mine, \
                h5py.File(MODEL_FILE, 'r') as theirs:
            _assert_same_layout(_layout(mine), _layout(theirs))

    def test_optimizer_snapshot(self, tmp_path):
        model = _model()
        opt = optimizers.MomentumSGD(lr=0.1)
        opt.setup(model.core)
        with h5py.File(SNAPSHOT_FILE, 'r') as f:
            serializers.HDF5Deserializer(f['model']).load(model)
            serializers.HDF5Deserializer(f['optimizer']).load(opt)
            numpy.testing.assert_array_equal(
                model.core.l1.W.update_rule.state['v'],
                f['optimizer/l1/W/v'])
        assert opt.t == 1 and model.core.l1.W.update_rule.t == 1
        path = str(tmp_path / 'snapshot.h5')
        with h5py.File(path, 'w') as f:
            serializers.HDF5Serializer(f.require_group('model')).save(model)
            serializers.HDF5Serializer(f.require_group('optimizer'),
                                       compression=9).save(opt)
        with h5py.File(path, 'r') as mine, \
                h5py.File(SNAPSHOT_FILE, 'r') as theirs:
            _assert_same_layout(_layout(mine), _layout(theirs))

    def test_chainer_loads_file_written_by_chainerjax(self, tmp_path):
        if not os.path.exists(REF_PYTHON):
            pytest.skip('real Chainer is not available')
        numpy.random.seed(3)
        model = _model()
        model.core.bn.avg_mean[...] = [1.5, -2.]
        path = str(tmp_path / 'mine.h5')
        serializers.save_hdf5(path, model)
        script = textwrap.dedent('''
            import json, sys, warnings
            warnings.simplefilter('ignore')
            sys.path.insert(0, {here!r})
            import chainer, hdf5_model_def
            from chainer import serializers
            model = hdf5_model_def.build(chainer)
            serializers.load_hdf5({path!r}, model)
            print(json.dumps({{
                'W': model.core.l1.W.array.tolist(),
                'avg_mean': model.core.bn.avg_mean.tolist(),
                'lazy': model.lazy.W.array is None,
                'count': model.count, 'nothing': model.nothing}}))
        ''').format(here=HERE, path=path)
        proc = subprocess.run([REF_PYTHON, '-c', script],
                              capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            if 'h5py' in proc.stderr:
                pytest.skip('h5py is not installed with real Chainer')
            raise AssertionError(proc.stderr[-2000:])
        import json
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        numpy.testing.assert_array_equal(out['W'], model.core.l1.W.array)
        assert out['avg_mean'] == [1.5, -2.]
        assert out['lazy'] is True and out['count'] == 5
        assert out['nothing'] is None


class TestHDF5Serializer(object):

    def test_round_trip(self, tmp_path):
        numpy.random.seed(0)
        src = _model()
        src.core.bn.avg_var[...] = [2., 3.]
        src.count = 7
        dst = _model()
        path = str(tmp_path / 'a.h5')
        serializers.save_hdf5(path, src)
        serializers.load_hdf5(path, dst)
        for (n1, p1), (n2, p2) in zip(src.namedparams(), dst.namedparams()):
            assert n1 == n2
            if p1.array is None:
                assert p2.array is None
            else:
                numpy.testing.assert_array_equal(p1.array, p2.array)
        numpy.testing.assert_array_equal(dst.core.bn.avg_var, [2., 3.])
        assert dst.count == 7

    def test_compression_and_none(self, tmp_path):
        path = str(tmp_path / 'b.h5')
        with h5py.File(path, 'w') as f:
            s = hdf5.HDF5Serializer(f, compression=7)
            assert s('a', numpy.ones((2, 2), 'f')) is not None
            s('one', numpy.ones(1, 'f'))
            s('none', None)
            s['child']('x', 3)
        with h5py.File(path, 'r') as f:
            assert f['a'].compression == 'gzip'
            assert f['a'].compression_opts == 7
            assert f['one'].compression is None
            assert f['none'].shape is None
            assert int(f['child/x'][()]) == 3

    def test_lazy_parameter_takes_stored_shape(self, tmp_path):
        src = L.Linear(3, 2)
        path = str(tmp_path / 'c.h5')
        serializers.save_hdf5(path, src)
        dst = L.Linear(None, 2)
        serializers.load_hdf5(path, dst)
        numpy.testing.assert_array_equal(dst.W.array, src.W.array)

    def test_jax_device_and_read_only_arrays(self, tmp_path):
        import jax
        src = L.BatchNormalization(3)
        src.avg_mean[...] = [1., 2., 3.]
        path = str(tmp_path / 'd.h5')
        serializers.save_hdf5(path, src)
        dst = L.BatchNormalization(3)
        dst.to_device('@jax:cpu:0')
        serializers.load_hdf5(path, dst)
        assert isinstance(dst.avg_mean, jax.Array)
        numpy.testing.assert_array_equal(dst.avg_mean, [1., 2., 3.])
        ro = L.BatchNormalization(3)
        ro.avg_mean = numpy.zeros(3, numpy.float32)
        ro.avg_mean.flags.writeable = False
        serializers.load_hdf5(path, ro)
        numpy.testing.assert_array_equal(ro.avg_mean, [1., 2., 3.])
        # a traced value cannot be saved
        with pytest.raises(TypeError):
            with h5py.File(str(tmp_path / 'e.h5'), 'w') as f:
                jax.jit(lambda a: hdf5.HDF5Serializer(f)('a', a) and a)(
                    numpy.ones(2))

    def test_strict_and_missing(self, tmp_path):
        path = str(tmp_path / 'f.h5')
        serializers.save_hdf5(path, L.Linear(3, 2, nobias=True))
        with pytest.raises(KeyError):
            serializers.load_hdf5(path, L.Linear(3, 2))
        link = L.Linear(3, 2)
        b = link.b.array.copy()
        with h5py.File(path, 'r') as f:
            serializers.HDF5Deserializer(f, strict=False).load(link)
            numpy.testing.assert_array_equal(link.b.array, b)
            d = serializers.HDF5Deserializer(f)['nothing']
            with pytest.raises(ValueError):
                d('W', None)
            d = serializers.HDF5Deserializer(f, strict=False)['nothing']
            assert d('W', 3) == 3

    def test_shape_mismatch(self, tmp_path):
        path = str(tmp_path / 'g.h5')
        serializers.save_hdf5(path, L.Linear(3, 2))
        with pytest.raises(ValueError):
            serializers.load_hdf5(path, L.Linear(4, 2))

    def test_file_objects(self):
        import io
        src, dst = L.Linear(3, 2), L.Linear(3, 2)
        buf = io.BytesIO()
        serializers.save_hdf5(buf, src)
        buf.seek(0)
        serializers.load_hdf5(buf, dst)
        numpy.testing.assert_array_equal(dst.W.array, src.W.array)

    def test_save_dict(self, tmp_path):
        path = str(tmp_path / 'h.h5')
        serializers.save_hdf5(path, {'a/b': numpy.arange(3), '/c': 1.5})
        with h5py.File(path, 'r') as f:
            numpy.testing.assert_array_equal(f['a/b'], [0, 1, 2])
            assert f['c'][()] == 1.5
        with pytest.raises(TypeError):
            serializers.save_hdf5(path, {'o': numpy.array([object()])})

    def test_atomic_write(self, tmp_path, monkeypatch):
        path = str(tmp_path / 'i.h5')
        serializers.save_hdf5(path, L.Linear(3, 2))
        before = open(path, 'rb').read()

        class Broken(chainer.Link):
            def serialize(self, serializer):
                serializer('x', numpy.ones(2))
                raise RuntimeError('disk full')
        with pytest.raises(RuntimeError):
            serializers.save_hdf5(path, Broken())
        assert open(path, 'rb').read() == before
        assert os.listdir(str(tmp_path)) == ['i.h5']

    def test_h5py_missing(self, monkeypatch):
        monkeypatch.setattr(hdf5, '_available', False)
        for call in (lambda: hdf5.HDF5Serializer(None),
                     lambda: hdf5.HDF5Deserializer(None),
                     lambda: serializers.save_hdf5('x.h5', L.Linear(1, 1)),
                     lambda: serializers.load_hdf5('x.h5', L.Linear(1, 1))):
            with pytest.raises(RuntimeError) as e:
                call()
            assert 'pip install h5py' in str(e.value)

    def test_testing_helper_and_alias(self):
        from chainerjax import testing
        src, dst = L.Linear(2, 2), L.Linear(2, 2)
        testing.save_and_load_hdf5(src, dst)
        numpy.testing.assert_array_equal(dst.W.array, src.W.array)
        import chainerjax.alias  # NOQA
        import chainer.serializers.hdf5 as chainer_hdf5
        assert chainer_hdf5.save_hdf5 is serializers.save_hdf5
