"""NPZ interchange with real Chainer 7.8.1, both ways (issue 4 item 5).

One model (``_model.py``: Classifier, Linear, Convolution2D,
BatchNormalization with its statistics, EmbedID, LSTM, NStepLSTM):

- ``chainer_model.npz``, written by Chainer, loads into chainerjax and gives
  Chainer's outputs and gradients;
- ``chainerjax_model.npz``, written by chainerjax, loaded into real Chainer
  gave the outputs in ``chainer_outputs_from_cjx.npz``; chainerjax gives the
  same from it;
- missing / extra keys and wrong shapes behave as Chainer's ``load_npz``.

The fixtures are made by ``generate.py`` (real Chainer) and
``write_chainerjax_model.py`` (chainerjax). Generic ``save_npz``/
``load_npz`` behaviour is tested in ``tests/serializers_tests/test_npz.py``.
"""
import io
import json
import os
import pickle
import zipfile

import numpy
import pytest

import chainerjax
from chainerjax import serializers
from chainerjax.serializers import npz
from compat_tests.serializers import _model
from compat_tests.serializers import write_chainerjax_model

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
CHAINER_FILE = os.path.join(FIXTURES, 'chainer_model.npz')
CJX_FILE = os.path.join(FIXTURES, 'chainerjax_model.npz')
RTOL, ATOL = 1e-5, 1e-6


def _raw(path):
    with numpy.load(path, allow_pickle=True) as f:
        return dict(f.items())


def _fixture(name):
    with numpy.load(os.path.join(FIXTURES, name), allow_pickle=False) as f:
        return dict(f.items())


def _to_buffer(arrays, compressed=False):
    buf = io.BytesIO()
    (numpy.savez_compressed if compressed else numpy.savez)(buf, **arrays)
    buf.seek(0)
    return buf


def _assert_outputs(ours, ref):
    assert sorted(ours) == sorted(ref)
    for key in ref:
        assert ours[key].dtype == ref[key].dtype, key
        assert ours[key].shape == ref[key].shape, key
        numpy.testing.assert_allclose(ours[key], ref[key], rtol=RTOL,
                                      atol=ATOL, err_msg=key)


def _state(model):
    return {k: numpy.array(v) for k, v in npz.serialize(model).items()}


@pytest.fixture(scope='module')
def chainer_errors():
    with open(os.path.join(FIXTURES, 'chainer_errors.json')) as f:
        return json.load(f)


# ----- key layout -----------------------------------------------------------

@pytest.mark.parametrize('name', ['chainer_model.npz',
                                  'chainerjax_model.npz'])
def test_key_layout_is_chainers(name):
    raw = _raw(os.path.join(FIXTURES, name))
    ours = npz.serialize(_model.build(chainerjax))
    assert sorted(ours) == sorted(raw)
    for key, value in raw.items():
        assert numpy.asarray(ours[key]).dtype == value.dtype, key
        assert numpy.shape(ours[key]) == value.shape, key
    # the LSTM's state is not serialized, BatchNormalization's statistics are
    assert 'predictor/bn/N' in raw and raw['predictor/bn/N'].dtype == 'int64'
    assert not any(k.startswith('predictor/lstm/') and k.endswith(('/h', '/c'))
                   for k in raw)


def test_files_carry_trained_statistics():
    for path, warmup in ((CHAINER_FILE, _model.CHAINER_WARMUP),
                         (CJX_FILE, _model.CHAINERJAX_WARMUP)):
        raw = _raw(path)
        assert int(raw['predictor/bn/N']) == sum(f for _, f in warmup) > 0
        assert not numpy.allclose(raw['predictor/bn/avg_mean'], 0)
        assert not numpy.allclose(raw['predictor/bn/avg_var'], 1)


# ----- Chainer -> chainerjax ------------------------------------------------

def test_chainer_file_gives_chainers_outputs():
    model = _model.build(chainerjax)
    serializers.load_npz(CHAINER_FILE, model)
    raw = _raw(CHAINER_FILE)
    for key, value in _state(model).items():
        numpy.testing.assert_array_equal(value, raw[key], err_msg=key)
    _assert_outputs(_model.outputs(chainerjax, model),
                    _fixture('chainer_outputs.npz'))


# ----- chainerjax -> Chainer ------------------------------------------------

def test_chainerjax_file_gives_what_chainer_computed_from_it():
    model = _model.build(chainerjax)
    serializers.load_npz(CJX_FILE, model)
    _assert_outputs(_model.outputs(chainerjax, model),
                    _fixture('chainer_outputs_from_cjx.npz'))


def test_chainerjax_file_is_what_chainerjax_writes(tmp_path):
    # The committed file is still what write_chainerjax_model.py produces.
    path = str(tmp_path / 'again.npz')
    serializers.save_npz(path, write_chainerjax_model.make_model())
    again, committed = _raw(path), _raw(CJX_FILE)
    assert sorted(again) == sorted(committed)
    for key in committed:
        assert again[key].dtype == committed[key].dtype, key
        numpy.testing.assert_allclose(again[key], committed[key],
                                      rtol=RTOL, atol=ATOL, err_msg=key)


# ----- missing / extra keys, shapes ------------------------------------------

def test_missing_key(chainer_errors):
    raw = _raw(CHAINER_FILE)
    del raw['predictor/bn/avg_mean']
    ref = chainer_errors['missing']
    assert ref['type'] == 'KeyError'
    with pytest.raises(KeyError) as info:
        serializers.load_npz(_to_buffer(raw), _model.build(chainerjax))
    assert str(info.value) == ref['message']

    model = _model.build(chainerjax)
    before = numpy.array(model.predictor.bn.avg_mean)
    serializers.load_npz(_to_buffer(raw), model, strict=False)
    numpy.testing.assert_array_equal(model.predictor.bn.avg_mean, before)
    numpy.testing.assert_array_equal(model.predictor.bn.avg_var,
                                     raw['predictor/bn/avg_var'])
    assert model.predictor.bn.N == int(raw['predictor/bn/N'])


def test_extra_key_is_ignored(chainer_errors):
    assert chainer_errors['extra'] is None      # Chainer loads the file
    raw = _raw(CHAINER_FILE)
    raw['predictor/extra/W'] = numpy.ones((2, 2), numpy.float32)
    model = _model.build(chainerjax)
    serializers.load_npz(_to_buffer(raw), model)
    numpy.testing.assert_array_equal(model.predictor.fc.W.array,
                                     raw['predictor/fc/W'])


def test_wrong_shape(chainer_errors):
    raw = _raw(CHAINER_FILE)
    shape = raw['predictor/fc/W'].shape
    bad = (shape[0], shape[1] + 1)
    raw['predictor/fc/W'] = numpy.zeros(bad, numpy.float32)
    assert chainer_errors['wrong_shape']['type'] == 'ValueError'
    # Chainer's message is NumPy's broadcast error; chainerjax's also names
    # the parameter.
    with pytest.raises(ValueError) as info:
        serializers.load_npz(_to_buffer(raw), _model.build(chainerjax))
    message = str(info.value)
    assert "'predictor/fc/W'" in message
    assert str(bad) in message and str(shape) in message


# ----- path=, ignore_names=, compression ------------------------------------

def test_path_loads_the_predictor_alone():
    full = _model.build(chainerjax)
    serializers.load_npz(CHAINER_FILE, full)
    predictor = _model.build(chainerjax).predictor
    serializers.load_npz(CHAINER_FILE, predictor, path='predictor/')
    ours, ref = _state(predictor), _state(full.predictor)
    assert sorted(ours) == sorted(ref)
    for key in ref:
        numpy.testing.assert_array_equal(ours[key], ref[key], err_msg=key)
    # and the other way: a predictor's file into a Classifier's predictor
    buf = io.BytesIO()
    serializers.save_npz(buf, predictor)
    buf.seek(0)
    target = _model.build(chainerjax)
    serializers.load_npz(buf, target.predictor)
    numpy.testing.assert_array_equal(target.predictor.bn.avg_var,
                                     predictor.bn.avg_var)


def test_ignore_names_keeps_statistics():
    model = _model.build(chainerjax)
    before = _state(model)
    stats = ('predictor/bn/avg_mean', 'predictor/bn/avg_var',
             'predictor/bn/N')
    serializers.load_npz(CHAINER_FILE, model,
                         ignore_names=lambda k: k in stats)
    raw, after = _raw(CHAINER_FILE), _state(model)
    for key in after:
        expected = before[key] if key in stats else raw[key]
        numpy.testing.assert_array_equal(after[key], expected, err_msg=key)


@pytest.mark.parametrize('compression,zip_type', [
    (True, zipfile.ZIP_DEFLATED), (False, zipfile.ZIP_STORED)])
def test_compression_like_chainer(compression, zip_type):
    # Chainer's own file (compression=True) is deflated.
    with zipfile.ZipFile(CHAINER_FILE) as z:
        assert {i.compress_type for i in z.infolist()} == {
            zipfile.ZIP_DEFLATED}
    model = _model.build(chainerjax)
    serializers.load_npz(CHAINER_FILE, model)
    buf = io.BytesIO()
    serializers.save_npz(buf, model, compression=compression)
    buf.seek(0)
    with zipfile.ZipFile(buf) as z:
        assert {i.compress_type for i in z.infolist()} == {zip_type}
        assert sorted(n[:-4] for n in z.namelist()) == sorted(
            _raw(CHAINER_FILE))
    buf.seek(0)
    again = _model.build(chainerjax)
    serializers.load_npz(buf, again)
    for key, value in _state(again).items():
        numpy.testing.assert_array_equal(value, _state(model)[key])


# ----- no unpickling --------------------------------------------------------

_UNPICKLED = []


class _Tripwire(object):
    """Records it if it is ever unpickled."""

    def __reduce__(self):
        return (_UNPICKLED.append, ('unpickled',))


def test_load_never_unpickles():
    raw = _raw(CHAINER_FILE)
    evil = numpy.empty(2, dtype=object)
    evil[0], evil[1] = _Tripwire(), None
    raw['predictor/fc/b'] = evil
    pickle.dumps(evil)            # the array really is a pickle
    model = _model.build(chainerjax)
    with pytest.raises(ValueError, match='pickle') as info:
        serializers.load_npz(_to_buffer(raw), model)
    assert 'predictor/fc/b' in str(info.value)
    assert _UNPICKLED == []
