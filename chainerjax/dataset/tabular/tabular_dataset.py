"""``chainer.dataset.TabularDataset``: datasets of columns.

A tabular dataset is a table: every example has the same columns
(:attr:`~TabularDataset.keys`). An example is a tuple, a dict or (with one
column) a bare value, as :attr:`~TabularDataset.mode` says. A subclass
defines ``__len__``, ``keys``, ``mode`` and ``get_examples``; views
(``slice``, ``astuple``, ``asdict``, ``concat``, ``join``, ``transform``,
``transform_batch``, ``with_converter``) are built lazily on top and only
read the rows and columns they need.
"""
from chainerjax import backend
from chainerjax.dataset import dataset_mixin


class TabularDataset(dataset_mixin.DatasetMixin):
    """Abstract base of tabular datasets.

    A subclass implements :meth:`__len__`, :attr:`keys`, :attr:`mode` and
    :meth:`get_examples`.

    Example:
        >>> class MyDataset(chainer.dataset.TabularDataset):
        ...     def __len__(self):
        ...         return 4
        ...     @property
        ...     def keys(self):
        ...         return ('a', 'b', 'c')
        ...     @property
        ...     def mode(self):
        ...         return tuple
        ...     def get_examples(self, indices, key_indices):
        ...         data = numpy.arange(12).reshape((4, 3))
        ...         if indices is not None:
        ...             data = data[indices]
        ...         if key_indices is not None:
        ...             data = data[:, list(key_indices)]
        ...         return tuple(data.transpose())
        >>> dataset = MyDataset()
        >>> dataset.astuple()[0]
        (0, 1, 2)
        >>> view = dataset.slice[[3, 2], ('c', 0)]
        >>> view.keys
        ('c', 'a')
        >>> view.astuple()[1]
        (8, 6)
    """

    def __len__(self):
        raise NotImplementedError

    @property
    def keys(self):
        """The names of the columns (a tuple of str)."""
        raise NotImplementedError

    @property
    def mode(self):
        """How an example is represented: :class:`tuple`, :class:`dict`, or
        None (a bare value; one column only)."""
        raise NotImplementedError

    def get_examples(self, indices, key_indices):
        """Returns some rows of some columns, column by column.

        Args:
            indices (list of ints or slice): the rows; None for all.
            key_indices (tuple of ints): the columns; None for all.

        Returns:
            A tuple with one list or array per requested column.
        """
        raise NotImplementedError

    @property
    def slice(self):
        """A view of some rows and columns: ``dataset.slice[indices]`` or
        ``dataset.slice[indices, keys]``.

        ``indices`` is a slice, a list/array of ints, or a list/array of
        bools (one per row). ``keys`` is a key (an int position or a str
        name; the view has mode None) or a tuple of keys.
        """
        from chainerjax.dataset.tabular import _slice
        return _slice._SliceHelper(self)

    def fetch(self):
        """Returns all the data column by column: a tuple (mode tuple), a
        dict (mode dict) of lists/arrays, or one list/array (mode None)."""
        examples = self.get_examples(None, None)
        if self.mode is tuple:
            return examples
        if self.mode is dict:
            return dict(zip(self.keys, examples))
        if self.mode is None:
            return examples[0]

    def convert(self, data):
        """Converts the output of :meth:`fetch` for a model.

        By default each column becomes an array (on the device of its
        first element). :meth:`with_converter` replaces this; a
        concatenated or joined dataset uses its first dataset's converter.

        Args:
            data (tuple, dict or list/array): the output of :meth:`fetch`.
        """
        if isinstance(data, tuple):
            return tuple(_as_array(d) for d in data)
        if isinstance(data, dict):
            return {k: _as_array(v) for k, v in data.items()}
        return _as_array(data)

    def astuple(self):
        """Returns a view whose mode is :class:`tuple`."""
        from chainerjax.dataset.tabular import _asmode
        return _asmode._Astuple(self)

    def asdict(self):
        """Returns a view whose mode is :class:`dict`."""
        from chainerjax.dataset.tabular import _asmode
        return _asmode._Asdict(self)

    def concat(self, *datasets):
        """Returns the rows of this dataset followed by those of
        ``datasets``, which must have the same keys."""
        from chainerjax.dataset.tabular import _concat
        return _concat._Concat(self, *datasets)

    def join(self, *datasets):
        """Returns the columns of this dataset followed by those of
        ``datasets``, which must have the same length and other keys."""
        from chainerjax.dataset.tabular import _join
        return _join._Join(self, *datasets)

    def transform(self, keys, transform):
        """Returns a dataset of ``transform(example)`` for each example.

        Args:
            keys (str or tuple of str): the keys of the new examples.
            transform (callable): called with the columns of one example
                as positional (mode tuple or None) or keyword (mode dict)
                arguments; returns a tuple, a dict or a value, which gives
                the new dataset's mode.
        """
        from chainerjax.dataset.tabular import _transform
        return _transform._Transform(self, keys, transform)

    def transform_batch(self, keys, transform_batch):
        """Like :meth:`transform`, but ``transform_batch`` receives whole
        columns (of the requested rows) and returns whole columns of the
        same length."""
        from chainerjax.dataset.tabular import _transform
        return _transform._TransformBatch(self, keys, transform_batch)

    def with_converter(self, converter):
        """Returns this dataset with :meth:`convert` replaced by
        ``converter``, called with the columns as positional (tuple),
        keyword (dict) arguments or one argument."""
        from chainerjax.dataset.tabular import _with_converter
        return _with_converter._WithConverter(self, converter)

    def get_example(self, i):
        example = tuple(col[0] for col in self.get_examples([i], None))
        if self.mode is tuple:
            return example
        if self.mode is dict:
            return dict(zip(self.keys, example))
        if self.mode is None:
            return example[0]

    def __iter__(self):
        return (self.get_example(i) for i in range(len(self)))


def _as_array(data):
    if isinstance(data, backend.get_array_types()):
        return data
    device = backend.get_device_from_array(data[0])
    with backend.using_device(device):
        return device.xp.asarray(data)
