"""``chainer.iterators.MultithreadIterator``."""
from multiprocessing import pool as pool_module

import numpy

from chainerjax.dataset import iterator
from chainerjax.iterators import _statemachine
from chainerjax.iterators.order_samplers import ShuffleOrderSampler


def _read(args):
    dataset, index = args
    return dataset[index]


class MultithreadIterator(iterator.Iterator):
    """Iterates over a dataset in mini-batches loaded by worker threads.

    The batches are the same as :class:`SerialIterator`'s for the same
    arguments; the examples of the next batch are read by ``n_threads``
    threads of the main process while the current batch is used. Nothing is
    pickled, so any dataset works; loading runs in parallel where the
    dataset releases the GIL (file reads, image decoding, NumPy).

    Args:
        dataset: the dataset (anything with ``len`` and ``[]``).
        batch_size (int): examples per batch.
        repeat (bool): loop over the dataset forever; if False, stop after
            one epoch.
        shuffle (bool): shuffle the order each epoch; None (the default)
            means True unless ``order_sampler`` is given.
        n_threads (int): the number of worker threads.
        order_sampler: an :class:`~chainerjax.iterators.OrderSampler`
            choosing each epoch's order (only with ``shuffle=None``).
    """

    _pool = None
    _next = None

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_threads=1, order_sampler=None):
        self.dataset = dataset
        self.batch_size = batch_size
        self._repeat = repeat
        self._shuffle = shuffle
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
        self.n_threads = n_threads
        self._pool = None
        self.reset()

    def reset(self):
        """Goes back to the start of the first epoch (a new order is drawn
        when shuffling)."""
        if self.order_sampler is None:
            order = None
        else:
            order = self.order_sampler(numpy.arange(len(self.dataset)), 0)
        self._state = _statemachine.IteratorState(0, 0, False, order)
        self._previous_epoch_detail = -1.
        self._next = None  # the batch being loaded (an AsyncResult)

    def finalize(self):
        """Stops the worker threads."""
        pool = self._pool
        self._next = None
        self._pool = None
        if pool is not None:
            pool.terminate()

    def __next__(self):
        if self._next is None:
            self._invoke_prefetch()
        batch = self._get()
        self._invoke_prefetch()  # load the next batch in the background
        return batch

    next = __next__

    def _invoke_prefetch(self):
        self._next_state, indices = _statemachine.iterator_statemachine(
            self._state, self.batch_size, self.repeat, self.order_sampler,
            len(self.dataset))
        if indices is None:
            self._next = None
            return
        if self._pool is None:
            self._pool = pool_module.ThreadPool(self.n_threads)
        self._next = self._pool.map_async(
            _read, [(self.dataset, index) for index in indices])

    def _get(self):
        self._previous_epoch_detail = self.epoch_detail
        self._state = self._next_state
        result = self._next
        if result is None:
            raise StopIteration
        self._next = None
        return result.get()

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
    def repeat(self):
        return self._repeat

    @property
    def _epoch_size(self):
        order = self._state.order
        return len(self.dataset) if order is None else len(order)

    def serialize(self, serializer):
        """Saves or loads the position, epoch, order and previous epoch
        detail (keys ``current_position``, ``epoch``, ``is_new_epoch``,
        ``_order``, ``previous_epoch_detail`` as in Chainer)."""
        current_position = serializer(
            'current_position', self.current_position)
        epoch = serializer('epoch', self.epoch)
        is_new_epoch = serializer('is_new_epoch', self.is_new_epoch)
        order = serializer('_order', self._state.order)
        self._state = _statemachine.IteratorState(
            int(current_position), int(epoch), bool(is_new_epoch), order)
        previous = serializer('previous_epoch_detail',
                              self._previous_epoch_detail)
        # Old versions stored None.
        self._previous_epoch_detail = -1. if previous is None else \
            float(previous)
        self._next = None
