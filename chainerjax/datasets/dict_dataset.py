"""``chainer.datasets.DictDataset``."""


class DictDataset(object):
    """Combines named datasets of equal length: the ``i``-th example is
    ``{name: dataset[i]}``.

    Args:
        **datasets: datasets (lists, arrays, ...) of the same length.
    """

    def __init__(self, **datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = None
        for key, dataset in datasets.items():
            if length is None:
                length = len(dataset)
            elif length != len(dataset):
                raise ValueError(
                    'dataset length conflicts at "{}"'.format(key))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        columns = {key: dataset[index]
                   for key, dataset in self._datasets.items()}
        if isinstance(index, slice):
            length = len(next(iter(columns.values())))
            return [{key: column[i] for key, column in columns.items()}
                    for i in range(length)]
        return columns

    def __len__(self):
        return self._length
