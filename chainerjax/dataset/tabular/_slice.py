"""The view of ``TabularDataset.slice[...]``.

A view stores its rows as None (all), a slice or a list of ints, and its
columns as None (all) or a tuple of ints, both in the coordinates of the
underlying dataset; a view of a view composes them, so reading goes to the
underlying dataset in one call.
"""
import numbers

import numpy

from chainerjax.dataset.tabular import tabular_dataset


class _Slice(tabular_dataset.TabularDataset):

    def __init__(self, dataset, indices, keys):
        if keys is None:
            self._unary = None      # all columns, keep the mode
        elif isinstance(keys, tuple):
            self._unary = False
        else:
            self._unary = True      # one column, mode None
            keys = (keys,)
        self._dataset = dataset
        self._indices = _as_indices(indices, len(dataset))
        self._key_indices = _as_key_indices(keys, dataset.keys)

    def __len__(self):
        return _length(self._indices, len(self._dataset))

    @property
    def keys(self):
        if self._key_indices is None:
            return self._dataset.keys
        keys = self._dataset.keys
        return tuple(keys[i] for i in self._key_indices)

    @property
    def mode(self):
        if self._unary is None:
            return self._dataset.mode
        if self._unary:
            return None
        return self._dataset.mode or tuple

    def get_examples(self, indices, key_indices):
        indices = _merge_indices(
            self._indices, indices, len(self._dataset), len(self))
        key_indices = _merge_key_indices(self._key_indices, key_indices)
        return self._dataset.get_examples(indices, key_indices)

    def convert(self, data):
        return self._dataset.convert(data)


class _SliceHelper(object):
    # ``dataset.slice``: indexing it makes the view.

    def __init__(self, dataset):
        self._dataset = dataset

    def __getitem__(self, args):
        if isinstance(args, tuple):
            indices, keys = args
        else:
            indices, keys = args, None
        return _Slice(self._dataset, indices, keys)


def _length(indices, n):
    if indices is None:
        return n
    if isinstance(indices, slice):
        return len(range(*indices.indices(n)))
    return len(indices)


def _as_indices(indices, n):
    # A slice stays a slice; a list/array of bools (one per row) or of
    # ints (negative ones counted from the end) becomes a list of ints.
    if isinstance(indices, slice) or len(indices) == 0:
        return indices
    if all(isinstance(i, (bool, numpy.bool_)) for i in indices):
        if len(indices) != n:
            raise ValueError('The number of booleans is '
                             'different from the length of dataset')
        return [i for i, keep in enumerate(indices) if keep]
    checked = []
    for index in indices:
        index = int(index)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(
                'index {} is out of bounds for dataset with size {}'.format(
                    index, n))
        checked.append(index)
    return checked


def _as_key_indices(keys, key_names):
    # Keys (int positions, negative from the end, or str names) as a
    # tuple of int positions.
    if keys is None:
        return None
    key_indices = []
    for key in keys:
        if isinstance(key, numbers.Integral):
            index = key + len(key_names) if key < 0 else key
            if not 0 <= index < len(key_names):
                raise IndexError(
                    'index {} is out of bounds for keys with size {}'.format(
                        key, len(key_names)))
        else:
            try:
                index = key_names.index(key)
            except ValueError:
                raise KeyError('{} does not exists'.format(key)) from None
        key_indices.append(index)
    return tuple(key_indices)


def _merge_indices(outer, inner, len_outer, len_inner):
    # The rows ``inner`` of a view whose rows are ``outer`` (of a dataset
    # of ``len_outer`` rows; the view has ``len_inner`` rows), in the
    # coordinates of the dataset.
    if inner is None:
        return outer
    if outer is None:
        return inner
    if isinstance(outer, slice):
        o_start, _, o_step = outer.indices(len_outer)
        if isinstance(inner, slice):
            i_start, i_stop, i_step = inner.indices(len_inner)
            start = o_start + o_step * i_start
            stop = o_start + o_step * i_stop
            step = o_step * i_step
            if step < 0 and start < 0:
                # nothing (Chainer wraps around to the last row here)
                return slice(0, 0, 1)
            # A negative bound would wrap around: it means "past the end".
            if step > 0 and start < 0:
                start = None
            if step < 0 and stop < 0:
                stop = None
            return slice(start, stop, step)
        return [o_start + o_step * i for i in inner]
    if isinstance(inner, slice):
        return outer[inner]
    return [outer[i] for i in inner]


def _merge_key_indices(outer, inner):
    if inner is None:
        return outer
    if outer is None:
        return inner
    return tuple(outer[i] for i in inner)
