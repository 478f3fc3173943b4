"""The position/epoch/order state of an iterator and its transition.

Shared by the prefetching iterators (``MultiprocessIterator``,
``MultithreadIterator``): they compute the indices of the next batches
ahead of time from an immutable state, so a batch can be loaded while the
previous one is used.
"""
import collections

import numpy

IteratorState = collections.namedtuple(
    'IteratorState', ('current_position', 'epoch', 'is_new_epoch', 'order'))


def iterator_statemachine(state, batch_size, repeat, order_sampler,
                          dataset_len):
    """Advances ``state`` by one batch.

    Returns ``(next_state, indices)``; ``indices`` is None when an iterator
    that does not repeat has finished its epoch. With ``repeat=True`` a
    batch crossing the end of an epoch is completed with the first indices
    of the next epoch (in the order drawn by ``order_sampler``), exactly as
    :class:`~chainerjax.iterators.SerialIterator` does.
    """
    position, epoch, _, order = state
    if not repeat and epoch > 0:
        return state, None

    n = dataset_len if order is None else len(order)
    if repeat and n == 0:
        raise ValueError(
            'Epoch size must be positive for an iterator that repeats.')

    def take(start, stop):
        if order is None:
            return numpy.arange(start, stop, dtype=numpy.intp)
        return order[start:stop]

    end = position + batch_size
    parts = []
    is_new_epoch = False
    while end >= n:
        parts.append(take(position, n))
        if order is not None:
            new_order = order_sampler(order, position)
            if len(new_order) != len(order):
                raise ValueError('The size of order does not match '
                                 'the size of the previous order.')
            order = new_order
        epoch += 1
        is_new_epoch = True
        position = 0
        if not repeat:
            end = 0
            break
        end -= n
    parts.append(take(position, end))
    return (IteratorState(end, epoch, is_new_epoch, order),
            numpy.concatenate(parts))
