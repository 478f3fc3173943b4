"""Subsets and splits of datasets (``chainer.datasets.sub_dataset``)."""
import numbers
import warnings

import numpy

from chainerjax.dataset import dataset_mixin


class SubDataset(dataset_mixin.DatasetMixin):
    """The examples ``start <= i < finish`` of a dataset, optionally read
    through a permutation.

    Args:
        dataset: the base dataset.
        start (int): first index (in ``order`` if given).
        finish (int): end index (exclusive).
        order: a permutation of the base dataset's indices, or None.
    """

    def __init__(self, dataset, start, finish, order=None):
        if start < 0 or finish > len(dataset):
            raise ValueError('subset overruns the base dataset.')
        if order is not None and len(order) != len(dataset):
            raise ValueError(
                'order option must have the same length as the base '
                'dataset: len(order) = {} while len(dataset) = {}'.format(
                    len(order), len(dataset)))
        self._dataset = dataset
        self._start = start
        self._finish = finish
        self._size = finish - start
        self._order = order

    def __len__(self):
        return self._size

    def get_example(self, i):
        if i >= 0:
            if i >= self._size:
                raise IndexError('dataset index out of range')
            index = self._start + i
        else:
            if i < -self._size:
                raise IndexError('dataset index out of range')
            index = self._finish + i
        if self._order is not None:
            index = self._order[index]
        return self._dataset[index]


def split_dataset(dataset, split_at, order=None):
    """Splits a dataset into ``[0, split_at)`` and ``[split_at, N)``.

    Args:
        dataset: the dataset.
        split_at (int): the size of the first part.
        order: an optional permutation of the indices.

    Returns:
        tuple: two :class:`SubDataset`.
    """
    n_examples = len(dataset)
    if not isinstance(split_at, numbers.Integral) or \
            isinstance(split_at, bool):
        raise TypeError('split_at must be int, got {} instead'
                        .format(type(split_at)))
    if split_at < 0:
        raise ValueError('split_at must be non-negative')
    if split_at > n_examples:
        raise ValueError('split_at exceeds the dataset size')
    return (SubDataset(dataset, 0, split_at, order),
            SubDataset(dataset, split_at, n_examples, order))


def split_dataset_random(dataset, first_size, seed=None):
    """Splits a dataset at random into parts of ``first_size`` and the rest.

    Args:
        dataset: the dataset.
        first_size (int): the size of the first part.
        seed: seed of the ``numpy.random.RandomState`` drawing the order.
    """
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return split_dataset(dataset, first_size, order)


def split_dataset_n(dataset, n, order=None):
    """Splits a dataset into ``n`` parts of ``len(dataset) // n`` examples
    (the remainder is dropped).

    Args:
        dataset: the dataset.
        n (int): the number of parts.
        order: an optional permutation of the indices.
    """
    size = len(dataset) // n
    return [SubDataset(dataset, size * i, size * (i + 1), order)
            for i in range(n)]


def split_dataset_n_random(dataset, n, seed=None):
    """Like :func:`split_dataset_n`, in a random order drawn from ``seed``."""
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return split_dataset_n(dataset, n, order)


def get_cross_validation_datasets(dataset, n_folds=None, order=None,
                                  **kwargs):
    """Returns ``n_folds`` ``(train, test)`` splits for cross validation.

    The test parts are disjoint and cover the dataset; fold sizes differ by
    at most one.

    Args:
        dataset: the dataset.
        n_folds (int): the number of folds.
        order: an optional permutation of the indices.
    """
    if 'n_fold' in kwargs:
        warnings.warn('Argument `n_fold` is deprecated. '
                      'Please use `n_folds` instead', DeprecationWarning)
        n_folds = kwargs.pop('n_fold')
    if kwargs:
        raise TypeError('unexpected keyword argument(s): {}'.format(
            ', '.join(sorted(kwargs))))
    whole_size = len(dataset)
    order = numpy.arange(whole_size) if order is None else numpy.array(order)
    borders = [whole_size * i // n_folds for i in range(n_folds + 1)]
    test_sizes = [borders[i + 1] - borders[i] for i in range(n_folds)]
    splits = []
    for test_size in reversed(test_sizes):
        splits.append(split_dataset(dataset, whole_size - test_size, order))
        # Rotate so that the next fold's test part comes last.
        order = numpy.roll(order, test_size)
    return splits


def get_cross_validation_datasets_random(dataset, n_folds, seed=None,
                                         **kwargs):
    """Like :func:`get_cross_validation_datasets` in a random order drawn
    from ``seed``."""
    if 'n_fold' in kwargs:
        warnings.warn('Argument `n_fold` is deprecated. '
                      'Please use `n_folds` instead', DeprecationWarning)
        n_folds = kwargs.pop('n_fold')
    if kwargs:
        raise TypeError('unexpected keyword argument(s): {}'.format(
            ', '.join(sorted(kwargs))))
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return get_cross_validation_datasets(dataset, n_folds, order)
