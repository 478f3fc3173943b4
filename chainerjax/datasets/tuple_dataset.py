"""``chainer.datasets.TupleDataset``."""


class TupleDataset(object):
    """Zips datasets of equal length: the ``i``-th example is the tuple of
    the ``i``-th examples of each.

    Args:
        *datasets: datasets (lists, arrays, ...) of the same length.

    Example:
        >>> ds = TupleDataset(numpy.arange(3), numpy.arange(3) * 10)
        >>> ds[1]
        (1, 10)
    """

    def __init__(self, *datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = len(datasets[0])
        for i, dataset in enumerate(datasets):
            if len(dataset) != length:
                raise ValueError(
                    'dataset of the index {} has a wrong length'.format(i))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        columns = [dataset[index] for dataset in self._datasets]
        if isinstance(index, slice):
            return [tuple(column[i] for column in columns)
                    for i in range(len(columns[0]))]
        return tuple(columns)

    def __len__(self):
        return self._length
