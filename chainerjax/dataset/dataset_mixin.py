"""``chainer.dataset.DatasetMixin``: indexing for datasets that define
``__len__`` and ``get_example``."""
import numpy


class DatasetMixin(object):
    """Gives a dataset slicing and fancy indexing.

    A subclass implements ``__len__`` and ``get_example(i)``;
    ``dataset[i]`` returns one example, ``dataset[a:b:c]``,
    ``dataset[[i, j]]`` and ``dataset[numpy_array]`` return lists of
    examples.
    """

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return [self.get_example(i) for i in range(start, stop, step)]
        if isinstance(index, (list, numpy.ndarray)):
            return [self.get_example(i) for i in index]
        return self.get_example(index)

    def __len__(self):
        """The number of examples."""
        raise NotImplementedError

    def get_example(self, i):
        """Returns the ``i``-th example."""
        raise NotImplementedError
