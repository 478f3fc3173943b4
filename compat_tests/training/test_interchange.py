"""Issue 6 item 6: snapshots interchange with real Chainer 7.8.1.

``programs/train_resumable.py`` runs unmodified under real Chainer and
under ``python -m chainerjax``. ``generate.py`` (real Chainer) ran it for
18 iterations and committed Chainer's snapshot of iteration 8, its log,
its final trainer state and the layout of its snapshots; it also loaded
``fixtures/chainerjax_snapshot_iter_8`` (written by chainerjax,
``make_chainerjax_snapshot.py``) into the same program under Chainer and
recorded what Chainer restored and where it ended.
"""
import json
import os
import shutil

import numpy
import pytest

from compat_tests.training import _common

# chainerjax against Chainer: float32 arithmetic in a different order.
RTOL, ATOL = 1e-4, 1e-5
CHAINER_SNAPSHOT = os.path.join(_common.FIXTURES, 'chainer_snapshot_iter_8')
CHAINERJAX_SNAPSHOT = os.path.join(_common.FIXTURES,
                                   'chainerjax_snapshot_iter_8')


def _fixture_json(name):
    with open(os.path.join(_common.FIXTURES, name)) as f:
        return json.load(f)


def _layout(path):
    with numpy.load(path, allow_pickle=True) as f:  # our own files
        return {k: [f[k].dtype.str, list(f[k].shape)] for k in f.keys()}


def _restored_log(state):
    return json.loads(str(state['extensions/LogReport/_log']))


@pytest.fixture(scope='module')
def from_chainer(tmp_path_factory):
    """A chainerjax run autoloading Chainer's snapshot of iteration 8."""
    out = str(tmp_path_factory.mktemp('from_chainer'))
    shutil.copyfile(CHAINER_SNAPSHOT, os.path.join(out, 'snapshot_iter_8'))
    _common.run_program(_common.RESUMABLE, ['--out', out])
    return out


def test_chainer_snapshot_restores(from_chainer):
    with open(os.path.join(from_chainer, 'resumed.json')) as f:
        restored = json.load(f)
    assert restored['iteration'] == 8
    assert restored['epoch'] == 1
    assert restored['epoch_detail'] == pytest.approx(8 / 6, rel=1e-15)
    assert restored['optimizer_t'] == 8
    chainer_state = _common.load_state(CHAINER_SNAPSHOT)
    assert restored['param_sums'] == pytest.approx(
        _common.param_sums(chainer_state), rel=1e-12)
    # The restored LogReport keeps Chainer's entries as they were.
    log = _common.read_log(os.path.join(from_chainer, 'log'))
    assert log[:2] == _restored_log(chainer_state)


def test_continues_like_chainer(from_chainer):
    # Training on from Chainer's snapshot ends where Chainer's own
    # uninterrupted run ended: log, parameters, Adam state, iterator
    # order, triggers' best values.
    _common.assert_logs_equal(
        _common.read_log(os.path.join(from_chainer, 'log')),
        _fixture_json('chainer_log.json'), RTOL, ATOL)
    _common.assert_states_equal(
        _common.load_state(os.path.join(from_chainer, 'final.npz')),
        _common.load_state(os.path.join(_common.FIXTURES,
                                        'chainer_final.npz')),
        RTOL, ATOL)


def _assert_same_keys_and_shapes(actual, expected):
    assert sorted(actual) == sorted(expected)
    for key in expected:
        assert actual[key][1] == expected[key][1], key


def test_snapshot_keys_equal_chainers(uninterrupted):
    expected = _fixture_json('chainer_snapshot_keys.json')
    assert sorted(expected) == ['snapshot_iter_12', 'snapshot_iter_16',
                                'snapshot_iter_4', 'snapshot_iter_8']
    for name in sorted(expected):
        _assert_same_keys_and_shapes(
            _layout(os.path.join(uninterrupted, name)), expected[name])
    _assert_same_keys_and_shapes(_layout(CHAINERJAX_SNAPSHOT),
                                 expected['snapshot_iter_8'])


def test_snapshot_dtypes_equal_chainers(uninterrupted):
    expected = _fixture_json('chainer_snapshot_keys.json')
    for name in sorted(expected):
        actual = _layout(os.path.join(uninterrupted, name))
        for key in sorted(expected[name]):
            if expected[name][key][0].startswith('<U'):
                continue  # the JSON log's length varies
            assert actual[key][0] == expected[name][key][0], (name, key)


def test_chainerjax_snapshot_restores_in_chainer():
    record = _fixture_json('chainer_from_chainerjax.json')
    ours = _common.load_state(CHAINERJAX_SNAPSHOT)
    restored = record['restored']
    assert restored['iteration'] == int(ours['updater/iteration']) == 8
    assert restored['epoch'] == int(ours['updater/iterator:main/epoch'])
    assert restored['optimizer_t'] == int(ours['updater/optimizer:main/t'])
    assert restored['param_sums'] == pytest.approx(
        _common.param_sums(ours), rel=1e-12)
    final_log = record['final_log']
    assert _common.strip_log(final_log[:2]) == _common.strip_log(
        _restored_log(ours))
    # Chainer, continuing from chainerjax's snapshot, ends like its own
    # uninterrupted run.
    _common.assert_logs_equal(final_log, _fixture_json('chainer_log.json'),
                              RTOL, ATOL)
    chainer_final = _common.load_state(
        os.path.join(_common.FIXTURES, 'chainer_final.npz'))
    assert record['final_param_sums'] == pytest.approx(
        _common.param_sums(chainer_final), rel=RTOL, abs=ATOL)
