"""``chainer.dataset.tabular.DelegateDataset``."""
from chainerjax.dataset.tabular import tabular_dataset


class DelegateDataset(tabular_dataset.TabularDataset):
    """A tabular dataset that forwards everything to another one.

    Subclass it to write a dataset class on top of an existing tabular
    dataset (for example one made by
    :func:`~chainer.dataset.tabular.from_data`).

    Example:
        >>> class MyDataset(chainer.dataset.tabular.DelegateDataset):
        ...     def __init__(self):
        ...         super().__init__(chainer.dataset.tabular.from_data((
        ...             ('a', list(range(10))),
        ...             ('b', self.get_b))))
        ...     def get_b(self, i):
        ...         return 'b[{}]'.format(i)
        >>> MyDataset()[3]
        (3, 'b[3]')

    Args:
        dataset (chainer.dataset.TabularDataset): the dataset forwarded to
            (the attribute ``dataset``).
    """

    def __init__(self, dataset):
        self.dataset = dataset

    def __len__(self):
        return len(self.dataset)

    @property
    def keys(self):
        return self.dataset.keys

    @property
    def mode(self):
        return self.dataset.mode

    def get_examples(self, indices, key_indices):
        return self.dataset.get_examples(indices, key_indices)
