"""Issue 6 item 6: a training run killed with SIGKILL and restarted with
``snapshot(autoload=True)`` ends in the same state as an uninterrupted
run, and a kill in the middle of a snapshot write leaves the previous
snapshot usable.

The program, ``programs/train_resumable.py``, is a plain Chainer script
run under ``python -m chainerjax``; it kills itself when an environment
variable says so (deterministic, no timing involved). It trains 18
iterations (3 epochs), snapshots every 4. "Same state" means the whole
trainer as ``save_npz`` writes it at the end: iteration, epoch, the
iterator's order and position, Adam's ``t``/``m``/``v``, the model's
parameters, the LogReport's log and pending summary, and the
Min/MaxValueTriggers' best values and summaries; and the ``log`` file.
"""
import json
import os
import signal

import pytest

from compat_tests.training import _common

# The resumed run repeats the very same computations, so the results are
# expected to agree to float32 rounding at worst.
RTOL, ATOL = 1e-6, 1e-7
KILLED = -signal.SIGKILL


def _assert_same_end(out, reference):
    _common.assert_states_equal(
        _common.load_state(os.path.join(out, 'final.npz')),
        _common.load_state(os.path.join(reference, 'final.npz')),
        RTOL, ATOL)
    _common.assert_logs_equal(
        _common.read_log(os.path.join(out, 'log')),
        _common.read_log(os.path.join(reference, 'log')), RTOL, ATOL)


def _restored(out):
    with open(os.path.join(out, 'resumed.json')) as f:
        return json.load(f)


def test_uninterrupted_run_state(uninterrupted):
    # What the comparisons below cover is really in the saved state.
    state = _common.load_state(os.path.join(uninterrupted, 'final.npz'))
    assert int(state['updater/iteration']) == 18
    assert int(state['updater/iterator:main/epoch']) == 3
    assert int(state['updater/optimizer:main/t']) == 18
    assert state['updater/iterator:main/order'].shape == (48,)
    for key in ['extension_triggers/_Snapshot/best_value',
                'extension_triggers/_Snapshot_1/best_value',
                'updater/optimizer:main/predictor/l1/W/m',
                'updater/optimizer:main/predictor/l1/W/v',
                'extensions/LogReport/_summary/_names']:
        assert key in state, key
    log = _common.read_log(os.path.join(uninterrupted, 'log'))
    assert [e['iteration'] for e in log] == [3, 6, 9, 12, 15, 18]
    assert 'validation/main/loss' in log[0]


def test_sigkill_between_snapshots_then_while_writing_one(
        tmp_path, uninterrupted):
    # Three runs in one output directory (one test, to save a run):
    # killed at iteration 10; resumed and killed while writing the
    # snapshot of iteration 12; resumed again and run to the end.
    out = str(tmp_path)

    # 1. Killed between the snapshots of iterations 8 and 12.
    _common.run_program(_common.RESUMABLE, ['--out', out],
                        env={'TRAIN_KILL_AT_ITERATION': '10'},
                        expect_rc=KILLED)
    snapshots = sorted(n for n in os.listdir(out)
                       if n.startswith('snapshot_iter_'))
    assert snapshots == ['snapshot_iter_4', 'snapshot_iter_8']
    assert not os.path.exists(os.path.join(out, 'final.npz'))
    # The log of the killed run was last written at iteration 9.
    assert [e['iteration'] for e in _common.read_log(
        os.path.join(out, 'log'))] == [3, 6, 9]
    snapshot8 = _common.load_state(os.path.join(out, 'snapshot_iter_8'))
    # The snapshot holds pending summaries, whose loss would show below.
    assert int(snapshot8['extensions/LogReport/_summary/_summaries/0/_n']) \
        == 2  # iterations 7 and 8
    assert int(snapshot8[
        'extension_triggers/_Snapshot/summary/_summaries/0/_n']) == 1

    # 2. Resumed from iteration 8, killed in the middle of writing the
    # snapshot of iteration 12.
    _common.run_program(_common.RESUMABLE, ['--out', out],
                        env={'TRAIN_KILL_IN_SNAPSHOT': '12'},
                        expect_rc=KILLED)
    restored = _restored(out)
    assert restored['iteration'] == 8
    assert restored['epoch'] == 1
    assert restored['optimizer_t'] == 8
    assert restored['param_sums'] == pytest.approx(
        _common.param_sums(snapshot8), rel=1e-12)
    names = sorted(os.listdir(out))
    # The half-written file is in the writer's temporary directory, never
    # under the snapshot's name.
    assert 'snapshot_iter_12' not in names
    assert [n for n in names if n.startswith('snapshot_iter_')] == [
        'snapshot_iter_4', 'snapshot_iter_8']
    stale = [n for n in names if n.startswith('tmpsnapshot_iter_12')]
    assert len(stale) == 1
    partial = os.path.join(out, stale[0], 'snapshot_iter_12')
    assert os.path.getsize(partial) > 0

    # 3. autoload skips the stale temporary, resumes from iteration 8
    # again and ends as the uninterrupted run.
    _common.run_program(_common.RESUMABLE, ['--out', out])
    assert _restored(out)['iteration'] == 8
    _assert_same_end(out, uninterrupted)
    assert os.path.exists(os.path.join(out, 'snapshot_iter_12'))
