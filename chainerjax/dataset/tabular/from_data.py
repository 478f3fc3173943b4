"""``chainer.dataset.tabular.from_data``: tabular datasets from lists,
arrays and functions."""
from chainerjax import backend
from chainerjax.dataset.tabular import tabular_dataset


def from_data(data, *, size=None):
    """Makes a :class:`~chainer.dataset.TabularDataset` from columns.

    A column is a list or an array (its rows), or a function of the row
    index (which needs a key, and ``size`` unless another column gives the
    length). ``data`` is:

    - a column without a key: a dataset of mode None;
    - ``(key, column)``, or ``((key, ...), function)`` for a function
      returning several columns (as a tuple or a dict);
    - a tuple of the above (mode tuple), or a dict from keys (or tuples
      of keys) to columns (mode dict).

    Example:
        >>> from chainer.dataset import tabular
        >>> tabular.from_data(([0, 1, 2], [3, 4, 5]))[0]
        (0, 3)
        >>> dataset = tabular.from_data((('a', [0, 1, 2]), ('b', [3, 4, 5])))
        >>> dataset.keys
        ('a', 'b')
        >>> tabular.from_data(('a', lambda i: i * i), size=10)[5]
        25

    Args:
        data: the columns, as above.
        size (int): the number of rows; needed only when every column is a
            function.

    Returns:
        chainer.dataset.TabularDataset: the dataset.
    """
    if isinstance(data, tuple):
        if len(data) == 2:
            key, column = data
            if isinstance(key, str) or (
                    isinstance(key, tuple)
                    and all(isinstance(k, str) for k in key)):
                return _make_dataset(key, column, size)
        entries = [entry if isinstance(entry, tuple) else (None, entry)
                   for entry in data]
        if size is None:
            size = _size_of(column for _, column in entries)
        datasets = [_make_dataset(key, column, size)
                    for key, column in entries]
        return datasets[0].join(*datasets[1:]).astuple()
    if isinstance(data, dict):
        if size is None:
            size = _size_of(data.values())
        datasets = [_make_dataset(key, column, size)
                    for key, column in data.items()]
        return datasets[0].join(*datasets[1:]).asdict()
    return _make_dataset(None, data, size)


def _size_of(columns):
    # The length of the first column that has one (functions have none).
    for column in columns:
        try:
            return len(column)
        except TypeError:
            pass
    return None


def _make_dataset(key, data, size):
    if isinstance(data, backend.get_array_types()):
        return _Array('_{}'.format(id(data)) if key is None else key, data)
    if isinstance(data, list):
        return _List('_{}'.format(id(data)) if key is None else key, data)
    if callable(data):
        if key is None:
            raise ValueError('key(s) must be specified for callable')
        if size is None:
            raise ValueError('size must be specified for callable')
        return _Index(size).transform(key, data)
    raise TypeError(
        'a column must be a list, an array or a callable, not {}'.format(
            type(data)))


class _Column(tabular_dataset.TabularDataset):
    # One column named ``key`` holding ``data``.

    def __init__(self, key, data):
        self._key = key
        self._data = data

    def __len__(self):
        return len(self._data)

    @property
    def keys(self):
        return (self._key,)

    @property
    def mode(self):
        return None

    def _rows(self, indices):
        raise NotImplementedError

    def get_examples(self, indices, key_indices):
        n = 1 if key_indices is None else len(key_indices)
        rows = self._data if indices is None else self._rows(indices)
        return (rows,) * n


class _Array(_Column):

    def _rows(self, indices):
        return self._data[indices]


class _List(_Column):

    def _rows(self, indices):
        if isinstance(indices, slice):
            return self._data[indices]
        return [self._data[i] for i in indices]


class _Index(tabular_dataset.TabularDataset):
    # The row numbers 0 .. size-1, as the column 'index'.

    def __init__(self, size):
        self._len = size

    def __len__(self):
        return self._len

    @property
    def keys(self):
        return ('index',)

    @property
    def mode(self):
        return None

    def get_examples(self, indices, key_indices):
        if indices is None:
            indices = slice(None)
        if isinstance(indices, slice):
            indices = list(range(*indices.indices(self._len)))
        n = 1 if key_indices is None else len(key_indices)
        return (indices,) * n
