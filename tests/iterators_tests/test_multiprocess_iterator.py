import copy
import gc
import inspect
import multiprocessing
import os
import pickle
import subprocess
import sys
import textwrap
import time
import warnings

import numpy
import pytest

from chainerjax import iterators
from chainerjax.iterators import _process_pool
from chainerjax.serializers import npz

from tests.iterators_tests import _datasets


def _pid_gone(pid, timeout=5.0):
    # True once ``pid`` is no longer a live (non-zombie) process.
    deadline = time.monotonic() + timeout
    while True:
        try:
            with open('/proc/{}/stat'.format(pid)) as f:
                state = f.read().rsplit(')', 1)[1].split()[0]
        except FileNotFoundError:
            return True
        except OSError:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return True
            state = 'R'
        if state in ('Z', 'X'):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _same(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        numpy.testing.assert_array_equal(x[0], y[0])
        assert int(x[1]) == int(y[1])


def _counters(it):
    return (it.epoch, it.is_new_epoch, it.epoch_detail,
            it.previous_epoch_detail, it.current_position)


class _Roll(iterators.OrderSampler):
    # Deterministic order sampler: the next order is the current one rolled.

    def __call__(self, order, position):
        return numpy.roll(order, 1)


def test_signature_is_chainers():
    params = list(inspect.signature(
        iterators.MultiprocessIterator).parameters.items())
    assert [(k, p.default) for k, p in params] == [
        ('dataset', inspect.Parameter.empty),
        ('batch_size', inspect.Parameter.empty), ('repeat', True),
        ('shuffle', None), ('n_processes', None), ('n_prefetch', 1),
        ('shared_mem', None), ('order_sampler', None),
        ('dataset_timeout', 30.0), ('maxtasksperchild', None)]


def test_arguments():
    it = iterators.MultiprocessIterator([1, 2], 1, n_prefetch=0)
    assert it.n_prefetch == 1
    assert it.n_processes == multiprocessing.cpu_count()
    assert it.repeat and it.shuffle is None
    assert isinstance(it.order_sampler, iterators.ShuffleOrderSampler)
    assert it._worker_pids() == []  # workers start at the first batch
    it.finalize()
    with pytest.raises(ValueError, match='order_sampler'):
        iterators.MultiprocessIterator([1], 1, shuffle=True,
                                       order_sampler=_Roll())


def test_batches_equal_serial_iterator():
    ds = _datasets.ArrayDataset(7)
    numpy.random.seed(5)
    serial = iterators.SerialIterator(ds, 3)
    expected = [(serial.next(), _counters(serial)) for _ in range(8)]
    numpy.random.seed(5)
    with iterators.MultiprocessIterator(ds, 3, n_processes=2,
                                        n_prefetch=2) as it:
        assert it.previous_epoch_detail is None
        for batch, counters in expected:
            _same(it.next(), batch)
            assert _counters(it) == pytest.approx(counters)
        pids = it._worker_pids()
        assert len(pids) == 2 and os.getpid() not in pids

        # reset() keeps the workers and restarts the first epoch.
        it.reset()
        assert it.epoch == 0 and it.previous_epoch_detail is None
        assert sorted(int(b[1]) for b in it.next() + it.next()) == \
            [0, 1, 2, 3, 4, 5]
        assert it._worker_pids() == pids

        # Copies continue from the same state (with their own workers).
        other = copy.copy(it)
        assert _counters(other) == _counters(it)
        numpy.testing.assert_array_equal(other._state.order,
                                         it._state.order)
        other.finalize()


def test_no_repeat_custom_order_sampler():
    ds = _datasets.ArrayDataset(5)
    serial = iterators.SerialIterator(ds, 2, repeat=False,
                                      order_sampler=_Roll())
    expected = list(serial)
    with iterators.MultiprocessIterator(ds, 2, repeat=False,
                                        order_sampler=_Roll(),
                                        n_processes=2) as it:
        batches = list(it)
        assert len(batches) == len(expected) == 3
        for a, b in zip(batches, expected):
            _same(a, b)
        assert it.epoch == 1 and it.is_new_epoch
        with pytest.raises(StopIteration):
            it.next()
        it.reset()
        _same(it.next(), expected[0])


def test_workers_are_separate_processes_on_cpu():
    # Both workers load parts of one batch; JAX is kept on the CPU there.
    with iterators.MultiprocessIterator(
            _datasets.PidDataset(8, delay=0.05), 8, shuffle=False,
            n_processes=2) as it:
        batch = it.next()
        pids = {pid for pid, _ in batch}
        assert pids == set(it._worker_pids())
        assert os.getpid() not in pids
        assert {platform for _, platform in batch} == {'cpu'}


def test_serialize_and_resume():
    ds = _datasets.ArrayDataset(7)
    it = iterators.MultiprocessIterator(ds, 3, order_sampler=_Roll(),
                                        n_processes=2)
    for _ in range(3):
        it.next()
    state = npz.serialize(it)
    assert set(state) == {'current_position', 'epoch', 'is_new_epoch',
                          'order', 'previous_epoch_detail'}
    following = [it.next() for _ in range(4)]
    counters = _counters(it)
    it.finalize()

    # A fresh iterator loading the state gives the same batches.
    resumed = iterators.MultiprocessIterator(ds, 3, order_sampler=_Roll(),
                                             n_processes=2)
    resumed.next()  # prefetched batches are dropped by loading
    npz.NpzDeserializer(state).load(resumed)
    assert resumed.epoch == 1 and resumed.current_position == 2
    for batch in following:
        _same(resumed.next(), batch)
    assert _counters(resumed) == pytest.approx(counters)
    resumed.finalize()

    # The state of a SerialIterator has the same keys and meaning.
    serial = iterators.SerialIterator(ds, 3, order_sampler=_Roll())
    npz.NpzDeserializer(state).load(serial)
    for batch in following:
        _same(serial.next(), batch)

    # Pickling keeps the arguments and the state (no worker is started).
    it2 = pickle.loads(pickle.dumps(resumed))
    assert _counters(it2) == _counters(resumed)
    assert it2.n_processes == 2 and it2._worker_pids() == []
    it2.finalize()


def test_finalize_stops_the_workers():
    it = iterators.MultiprocessIterator(_datasets.ArrayDataset(4), 2,
                                        n_processes=2)
    it.next()
    pids = it._worker_pids()
    assert len(pids) == 2
    it.finalize()
    it.finalize()  # idempotent
    assert all(_pid_gone(pid) for pid in pids)
    assert multiprocessing.active_children() == []
    with pytest.raises(RuntimeError, match='finalized'):
        it.next()
    with pytest.raises(NotImplementedError):
        it.reset()


def test_garbage_collection_stops_the_workers():
    it = iterators.MultiprocessIterator(_datasets.ArrayDataset(4), 2,
                                        n_processes=2)
    it.next()
    pids = it._worker_pids()
    del it
    gc.collect()
    assert all(_pid_gone(pid) for pid in pids)


def test_program_exit_stops_the_workers(tmp_path):
    # The dataset class is defined in the main script: the workers import
    # the script (as __mp_main__) to unpickle it. The program exits without
    # finalize(); its workers must not survive it.
    script = tmp_path / 'main_script.py'
    script.write_text(textwrap.dedent('''
        import os
        import sys


        class MainDataset(object):

            def __len__(self):
                return 4

            def __getitem__(self, i):
                return i * 10, os.getpid(), __name__


        if __name__ == '__main__':
            from chainerjax import iterators
            it = iterators.MultiprocessIterator(
                MainDataset(), 4, shuffle=False, n_processes=2)
            batch = it.next()
            assert [b[0] for b in batch] == [0, 10, 20, 30], batch
            assert {b[2] for b in batch} == {'__mp_main__'}, batch
            assert {b[1] for b in batch} == set(it._worker_pids())
            print(' '.join(map(str, it._worker_pids())))
    '''))
    env = dict(os.environ, JAX_PLATFORMS='cpu')
    out = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True,
        text=True, timeout=120, cwd=os.getcwd())
    assert out.returncode == 0, out.stderr
    pids = [int(p) for p in out.stdout.split()]
    assert len(pids) == 2
    assert all(_pid_gone(pid) for pid in pids)


def test_dataset_exception_propagates():
    ds = _datasets.RaisingDataset(6, bad=4)
    with iterators.MultiprocessIterator(ds, 3, shuffle=False,
                                        n_processes=2) as it:
        assert [int(i) for i in it.next()] == [0, 1, 2]
        with pytest.raises(ValueError, match='broken example 4') as info:
            it.next()
        cause = info.value.__cause__
        assert isinstance(cause, _process_pool.RemoteTraceback)
        assert 'worker process of MultiprocessIterator' in str(cause)
        assert 'index 4' in str(cause)
        assert "raise ValueError('broken example" in str(cause)
        # The failed batch is skipped; the iterator goes on.
        assert it.epoch == 1
        assert [int(i) for i in it.next()] == [0, 1, 2]


def test_dead_worker_is_reported():
    ds = _datasets.ExitingDataset(4, bad=3)
    with iterators.MultiprocessIterator(ds, 4, shuffle=False,
                                        n_processes=2) as it:
        with pytest.raises(RuntimeError, match='exit code 3'):
            it.next()


def test_unpicklable_dataset(monkeypatch):
    ds = _datasets.FuncDataset(3, lambda i: i * 2)
    monkeypatch.setitem(sys.modules, 'cloudpickle', None)  # not installed
    it = iterators.MultiprocessIterator(ds, 3, shuffle=False, n_processes=1)
    with pytest.raises(pickle.PicklingError,
                       match='cannot be pickled.*MultithreadIterator'):
        it.next()
    it.finalize()


def test_lambda_dataset_with_cloudpickle():
    pytest.importorskip('cloudpickle')
    ds = _datasets.FuncDataset(3, lambda i: i * 2)
    with iterators.MultiprocessIterator(ds, 3, shuffle=False,
                                        n_processes=1) as it:
        assert [int(i) for i in it.next()] == [0, 2, 4]


def test_maxtasksperchild_replaces_workers():
    ds = _datasets.PidDataset(4)
    with iterators.MultiprocessIterator(ds, 1, shuffle=False, n_processes=1,
                                        maxtasksperchild=1) as it:
        seen = set()
        for _ in range(2):
            seen |= {pid for pid, _ in it.next()}
        # Each process served one task (a batch here) and was replaced.
        assert len(seen) == 2
        pids = it._worker_pids()
    assert all(_pid_gone(pid) for pid in seen | set(pids))


def test_dataset_timeout_warning():
    ds = _datasets.PidDataset(1, delay=0.3)
    with iterators.MultiprocessIterator(ds, 1, shuffle=False, n_processes=1,
                                        dataset_timeout=0.05) as it:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            it.next()
        assert any(issubclass(x.category,
                              iterators.MultiprocessIterator.TimeoutWarning)
                   for x in w)
