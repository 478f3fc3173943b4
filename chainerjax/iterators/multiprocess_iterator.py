"""``chainer.iterators.MultiprocessIterator``."""
import collections
import multiprocessing
import warnings
import weakref

import numpy

from chainerjax.dataset import iterator
from chainerjax.iterators import _process_pool
from chainerjax.iterators import _statemachine
from chainerjax.iterators.order_samplers import ShuffleOrderSampler

_Prefetched = collections.namedtuple(
    '_Prefetched', ('state', 'task_ids', 'error'))


class MultiprocessIterator(iterator.Iterator):
    """Iterates over a dataset in mini-batches loaded by worker processes.

    The batches are the same as :class:`SerialIterator`'s for the same
    arguments (and the same ``order_sampler`` or NumPy seed); the examples
    are read by ``n_processes`` worker processes, and the next
    ``n_prefetch`` batches are loaded while the current one is used.

    Workers are fresh Python processes, not forks: JAX is multithreaded, so
    forking a process that has initialized JAX (any chainerjax program) may
    deadlock. Therefore:

    * the dataset is pickled once and sent to each worker, so it must be
      picklable: functions it uses (e.g. the transform of a
      ``TransformDataset``) must be defined at the top level of a module,
      unless ``cloudpickle`` is installed (it is used as a fallback and
      pickles lambdas and local functions too). Objects defined in the main
      script are found by importing the script in the worker as
      ``__mp_main__`` (keep the training code under
      ``if __name__ == '__main__':``), with the ``chainer`` alias if the
      program runs under ``python -m chainerjax``.
    * workers run with ``JAX_PLATFORMS=cpu``: a dataset that calls JAX
      computes on the CPU and never takes GPU memory.
    * workers are stopped by :meth:`finalize`, by ``with``, when the
      iterator is garbage-collected, at the exit of the program, and they
      exit by themselves if the main process dies.

    Exceptions raised by the dataset in a worker are raised again by
    ``next()`` with the worker's traceback attached. POSIX systems only.

    Args:
        dataset: the dataset (anything with ``len`` and ``[]``, picklable).
        batch_size (int): examples per batch.
        repeat (bool): loop over the dataset forever; if False, stop after
            one epoch.
        shuffle (bool): shuffle the order each epoch; None (the default)
            means True unless ``order_sampler`` is given.
        n_processes (int): the number of worker processes (default: the
            number of CPUs).
        n_prefetch (int): the number of batches loaded ahead.
        shared_mem (int): accepted for compatibility; chainerjax sends the
            examples through sockets (pickle protocol 5), not a
            fixed-size shared memory block, so no size is needed.
        order_sampler: an :class:`~chainerjax.iterators.OrderSampler`
            choosing each epoch's order (only with ``shuffle=None``); it
            runs in the main process.
        dataset_timeout (float): a :class:`MultiprocessIterator.TimeoutWarning`
            is issued when a batch takes longer than this many seconds
            (None: never). ``warnings.simplefilter('error', ...)`` turns it
            into an error.
        maxtasksperchild (int): a worker exits after this many tasks (parts
            of a batch) and is replaced by a fresh one; None: workers live
            as long as the iterator.
    """

    class TimeoutWarning(RuntimeWarning):
        """A batch took longer than ``dataset_timeout`` to load."""

    _finalized = False
    _pool = None
    _pool_finalizer = None

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_processes=None, n_prefetch=1, shared_mem=None,
                 order_sampler=None, dataset_timeout=30.0,
                 maxtasksperchild=None):
        self.dataset = dataset
        self.batch_size = batch_size
        self.repeat = repeat
        self.shuffle = shuffle
        self.n_processes = n_processes or multiprocessing.cpu_count()
        self.n_prefetch = max(n_prefetch, 1)
        self.shared_mem = shared_mem
        self.dataset_timeout = dataset_timeout
        self._maxtasksperchild = maxtasksperchild

        if shuffle is not None:
            if order_sampler is not None:
                raise ValueError(
                    '`shuffle` is not `None` and a custom `order_sampler` '
                    'is set. Please set `shuffle` to `None` to use the '
                    'custom order sampler.')
            if shuffle:
                order_sampler = ShuffleOrderSampler()
        elif order_sampler is None:
            order_sampler = ShuffleOrderSampler()
        self.order_sampler = order_sampler

        self._prefetched = collections.deque()
        self.reset()

    # -- iteration ----------------------------------------------------------

    def __next__(self):
        if self._finalized:
            raise RuntimeError(
                'This MultiprocessIterator has been finalized; create a new '
                'one to iterate again.')
        pool = self._get_pool()
        self._prefetch(1)
        entry = self._prefetched.popleft()
        self._previous_epoch_detail = self.epoch_detail
        if entry.error is not None:
            raise entry.error
        self._state = entry.state
        # Keep the workers busy with the next batches while this one is
        # waited for and used.
        self._prefetch(self.n_prefetch)
        if entry.task_ids is None:
            raise StopIteration
        return pool.get(entry.task_ids, self.dataset_timeout,
                        _raise_timeout_warning)

    next = __next__

    def _prefetch(self, n):
        # Computes and submits batches until ``n`` are queued.
        queue = self._prefetched
        while len(queue) < n:
            if queue:
                last = queue[-1]
                if last.error is not None or last.task_ids is None:
                    return  # nothing comes after an error or the end
                state = last.state
            else:
                state = self._state
            try:
                state, indices = _statemachine.iterator_statemachine(
                    state, self.batch_size, self.repeat, self.order_sampler,
                    len(self.dataset))
            except Exception as e:
                # Raised when (and if) this batch is asked for.
                queue.append(_Prefetched(None, None, e))
                return
            task_ids = None
            if indices is not None:
                chunksize = max(1, -(-len(indices) // (4 * self.n_processes)))
                task_ids = self._pool.submit(indices, chunksize)
            queue.append(_Prefetched(state, task_ids, None))

    def _get_pool(self):
        if self._pool is None:
            pool = _process_pool.WorkerPool(
                self.dataset, self.n_processes, self._maxtasksperchild)
            self._pool = pool
            # Stops the workers when the iterator is garbage-collected or
            # at the exit of the program (the pool does not refer to self).
            self._pool_finalizer = weakref.finalize(self, pool.close)
        return self._pool

    def _discard_prefetched(self):
        queue = self._prefetched
        if self._pool is not None:
            ids = [i for entry in queue if entry.task_ids is not None
                   for i in entry.task_ids]
            if ids:
                self._pool.discard(ids)
        queue.clear()

    def finalize(self):
        """Stops the worker processes (idempotent). The iterator cannot be
        used afterwards."""
        if self._finalized:
            return
        self._finalized = True
        if self._pool_finalizer is not None:
            self._pool_finalizer()  # closes the pool, once
        self._pool = None
        self._prefetched = collections.deque()

    def _worker_pids(self):
        # For tests: the process ids of the running workers.
        if self._pool is None:
            return []
        return self._pool.worker_pids()

    # -- state ----------------------------------------------------------------

    @property
    def current_position(self):
        return self._state.current_position

    @property
    def epoch(self):
        return self._state.epoch

    @property
    def is_new_epoch(self):
        return self._state.is_new_epoch

    @property
    def epoch_detail(self):
        """The epoch count as a float (``epoch + position / size``)."""
        return self.epoch + self.current_position / self._epoch_size

    @property
    def previous_epoch_detail(self):
        """``epoch_detail`` before the last batch (None before the first)."""
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    @property
    def _epoch_size(self):
        order = self._state.order
        return len(self.dataset) if order is None else len(order)

    def reset(self):
        """Goes back to the start of the first epoch (a new order is drawn
        when shuffling); the workers keep running."""
        if self.order_sampler is None:
            order = None
        else:
            order = self.order_sampler(numpy.arange(len(self.dataset)), 0)
        self._reset_state(0, 0, False, order)
        self._previous_epoch_detail = -1.

    def _reset_state(self, current_position, epoch, is_new_epoch, order):
        if self._finalized:
            raise NotImplementedError(
                'Reset of finalized MultiProcessIterator is currently not '
                'supported.')
        self._discard_prefetched()
        self._state = _statemachine.IteratorState(
            current_position, epoch, is_new_epoch, order)

    def serialize(self, serializer):
        """Saves or loads the position, epoch, order and previous epoch
        detail (keys ``current_position``, ``epoch``, ``is_new_epoch``,
        ``order``, ``previous_epoch_detail`` as in Chainer), so a resumed
        iterator continues with the same batches. Loading drops the
        prefetched batches."""
        state = self._state
        current_position = int(_load(serializer, 'current_position',
                                     state.current_position))
        epoch = int(_load(serializer, 'epoch', state.epoch))
        is_new_epoch = bool(_load(serializer, 'is_new_epoch',
                                  state.is_new_epoch))
        order = state.order
        if order is not None:
            copy = order.copy()
            try:
                loaded = serializer('order', copy)
            except KeyError:
                loaded = serializer('_order', copy)
            order = copy if loaded is None else numpy.asarray(loaded)
        if (current_position, epoch, is_new_epoch) != (
                state.current_position, state.epoch, state.is_new_epoch) or (
                order is not None and
                not numpy.array_equal(order, state.order)):
            # Loading a different state: the prefetched batches are wrong.
            self._reset_state(current_position, epoch, is_new_epoch, order)
        try:
            self._previous_epoch_detail = float(_load(
                serializer, 'previous_epoch_detail',
                self._previous_epoch_detail))
        except KeyError:
            # Snapshots of old Chainer versions: estimate it.
            self._previous_epoch_detail = self.epoch + (
                self.current_position - self.batch_size) / self._epoch_size
            if self.epoch_detail > 0:
                self._previous_epoch_detail = max(
                    self._previous_epoch_detail, 0.)
            else:
                self._previous_epoch_detail = -1.

    # -- copy and pickle ------------------------------------------------------

    _INIT_KEYS = ('dataset', 'batch_size', 'repeat', 'shuffle',
                  'n_processes', 'n_prefetch', 'shared_mem',
                  'dataset_timeout', '_maxtasksperchild', 'order_sampler')

    def __copy__(self):
        # For old code; prefer reset().
        other = MultiprocessIterator(
            self.dataset, self.batch_size, self.repeat, shuffle=None,
            n_processes=self.n_processes, n_prefetch=self.n_prefetch,
            shared_mem=self.shared_mem, order_sampler=self.order_sampler,
            dataset_timeout=self.dataset_timeout,
            maxtasksperchild=self._maxtasksperchild)
        other._reset_state(self.current_position, self.epoch,
                           self.is_new_epoch, self._state.order)
        other._previous_epoch_detail = self._previous_epoch_detail
        return other

    def __getstate__(self):
        # Pickling keeps the arguments and the iteration state; the
        # unpickled iterator starts its own workers.
        state = self._state
        return {
            'init': {k: self.__dict__[k] for k in self._INIT_KEYS},
            'current_position': state.current_position,
            'epoch': state.epoch,
            'is_new_epoch': state.is_new_epoch,
            'order': None if state.order is None else state.order.copy(),
            'previous_epoch_detail': self._previous_epoch_detail,
        }

    def __setstate__(self, state):
        self.__dict__.update(state['init'])
        self._prefetched = collections.deque()
        self._reset_state(state['current_position'], state['epoch'],
                          state['is_new_epoch'], state['order'])
        self._previous_epoch_detail = state['previous_epoch_detail']


def _load(serializer, key, value):
    # The saved or loaded value (a serializer may return None when saving).
    loaded = serializer(key, value)
    return value if loaded is None else loaded


def _raise_timeout_warning():
    warnings.warn(
        'Stalled dataset is detected: a batch of MultiprocessIterator took '
        'longer than dataset_timeout to load. Check that the dataset does '
        'not block in the worker processes (the workers run the dataset in '
        'fresh processes, with JAX on the CPU).',
        MultiprocessIterator.TimeoutWarning)
