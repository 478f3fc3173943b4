"""The view of ``TabularDataset.concat()``: datasets one after another."""
from chainerjax.dataset.tabular import tabular_dataset


class _Concat(tabular_dataset.TabularDataset):

    def __init__(self, *datasets):
        for dataset in datasets[1:]:
            if dataset.keys != datasets[0].keys:
                raise ValueError('All datasets must have the same keys')
        self._datasets = datasets

    def __len__(self):
        return sum(len(dataset) for dataset in self._datasets)

    @property
    def keys(self):
        return self._datasets[0].keys

    @property
    def mode(self):
        return self._datasets[0].mode

    def get_examples(self, indices, key_indices):
        n_cols = len(self.keys if key_indices is None else key_indices)
        if indices is None:
            parts = [dataset.get_examples(None, key_indices)
                     for dataset in self._datasets]
            return _chain(parts, n_cols)
        if isinstance(indices, slice):
            return self._get_slice(indices, key_indices, n_cols)
        return self._get_list(indices, key_indices, n_cols)

    def _get_slice(self, indices, key_indices, n_cols):
        # Each dataset gets the part of the slice that falls in it, as a
        # slice of its own rows.
        start, stop, step = indices.indices(len(self))
        parts = []
        offset = 0
        for dataset in self._datasets:
            sub = _sub_slice(start, stop, step, offset, len(dataset))
            if sub is not None:
                parts.append(dataset.get_examples(sub, key_indices))
            offset += len(dataset)
        if step < 0:
            parts.reverse()
        if len(parts) == 1:
            return parts[0]
        return _chain(parts, n_cols)

    def _get_list(self, indices, key_indices, n_cols):
        # Each dataset gets its rows in one call; the results are then put
        # back in the requested order.
        sub_indices = [[] for _ in self._datasets]
        where = []
        for index in indices:
            offset = 0
            for d, dataset in enumerate(self._datasets):
                if offset <= index < offset + len(dataset):
                    where.append((d, len(sub_indices[d])))
                    sub_indices[d].append(index - offset)
                    break
                offset += len(dataset)
            else:
                raise IndexError(
                    'index {} is out of bounds for dataset with size '
                    '{}'.format(index, len(self)))
        parts = {d: self._datasets[d].get_examples(sub, key_indices)
                 for d, sub in enumerate(sub_indices) if sub}
        if not parts:
            return tuple([] for _ in range(n_cols))
        if len(parts) == 1:
            return next(iter(parts.values()))
        return tuple([parts[d][col][p] for d, p in where]
                     for col in range(n_cols))

    def convert(self, data):
        return self._datasets[0].convert(data)


def _chain(parts, n_cols):
    # Column by column concatenation of the parts, as lists.
    return tuple([value for part in parts for value in part[col]]
                 for col in range(n_cols))


def _ceil_div(a, b):
    return -(-a // b)


def _sub_slice(start, stop, step, offset, length):
    # The elements of range(start, stop, step) that are in
    # [offset, offset + length), as a slice relative to offset, or None if
    # there are none.
    lo, hi = offset, offset + length
    if step > 0:
        first = start
        if first < lo:
            first += _ceil_div(lo - first, step) * step
        end = min(stop, hi)
        if first >= end:
            return None
        return slice(first - lo, end - lo, step)
    first = start
    if first > hi - 1:
        first -= _ceil_div(first - (hi - 1), -step) * -step
    end = max(stop, lo - 1)
    if first <= end:
        return None
    # a stop of -1 would mean the last row: None goes past the first one
    return slice(first - lo, None if end < lo else end - lo, step)
