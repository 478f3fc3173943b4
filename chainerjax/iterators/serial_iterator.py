"""``chainer.iterators.SerialIterator``."""
import numpy

from chainerjax.dataset import iterator
from chainerjax.iterators.order_samplers import ShuffleOrderSampler


class SerialIterator(iterator.Iterator):
    """Iterates over a dataset in mini-batches, in the main process.

    Args:
        dataset: the dataset (anything with ``len`` and ``[]``).
        batch_size (int): examples per batch.
        repeat (bool): loop over the dataset forever; if False, stop after
            one epoch (the last batch may be smaller).
        shuffle (bool): shuffle the order each epoch; None (the default)
            means True unless ``order_sampler`` is given.
        order_sampler: an :class:`~chainerjax.iterators.OrderSampler`
            choosing each epoch's order (only with ``shuffle=None``).

    With ``repeat=True`` a batch that crosses the end of an epoch is filled
    with the first examples of the next epoch (in the new order), as in
    Chainer.

    Example:
        >>> it = SerialIterator(numpy.arange(5), 2, shuffle=False)
        >>> next(it), next(it), next(it)
        ([0, 1], [2, 3], [4, 0])
    """

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 order_sampler=None):
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
        self.reset()

    def __next__(self):
        self._previous_epoch_detail = self.epoch_detail
        if not self._repeat and self.epoch > 0:
            raise StopIteration
        indices = self._next_indices()
        return [self.dataset[index] for index in indices]

    next = __next__

    def _indices(self, start, stop):
        if self._order is None:
            return numpy.arange(start, stop, dtype=numpy.intp)
        return self._order[start:stop]

    def _next_indices(self):
        # Advances the state by one batch; returns the batch's indices.
        n = self._epoch_size
        if self._repeat and n == 0:
            raise ValueError(
                'Epoch size must be positive for an iterator that repeats.')
        position = self.current_position
        end = position + self.batch_size
        parts = []
        self._is_new_epoch = False
        while end >= n:
            parts.append(self._indices(position, n))
            if self._order is not None:
                new_order = self.order_sampler(self._order, position)
                if len(new_order) != len(self._order):
                    raise ValueError('The size of order does not match '
                                     'the size of the previous order.')
                self._order = new_order
            self.epoch += 1
            self._is_new_epoch = True
            position = 0
            if not self._repeat:
                end = 0
                break
            end -= n
        parts.append(self._indices(position, end))
        self.current_position = end
        return numpy.concatenate(parts)

    @property
    def is_new_epoch(self):
        """True if the last batch finished an epoch."""
        return self._is_new_epoch

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
        if self._order is None:
            return len(self.dataset)
        return len(self._order)

    def reset(self):
        """Goes back to the start of the first epoch (a new order is drawn
        when shuffling)."""
        if self.order_sampler:
            self._order = self.order_sampler(
                numpy.arange(len(self.dataset)), 0)
        else:
            self._order = None
        self.current_position = 0
        self.epoch = 0
        self._is_new_epoch = False
        self._previous_epoch_detail = -1.

    def serialize(self, serializer):
        """Saves or loads the position, epoch and current order (keys as in
        Chainer), so a resumed iterator continues with the same batches."""
        self.current_position = serializer(
            'current_position', self.current_position)
        self.epoch = serializer('epoch', self.epoch)
        self._is_new_epoch = serializer('is_new_epoch', self._is_new_epoch)
        if self._order is not None:
            try:
                self._order = serializer('order', self._order)
            except KeyError:
                self._order = serializer('_order', self._order)
        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            # Snapshots of old Chainer versions: estimate it.
            self._previous_epoch_detail = self.epoch + (
                self.current_position - self.batch_size) / self._epoch_size
            if self.epoch_detail > 0:
                self._previous_epoch_detail = max(
                    self._previous_epoch_detail, 0.)
            else:
                self._previous_epoch_detail = -1.
