"""``chainer.dataset.Iterator``: the interface of dataset iterators."""


class Iterator(object):
    """Base class of dataset iterators.

    ``next(it)`` returns a list of examples (a mini-batch). Iterators used
    by trainers also have ``epoch``, ``epoch_detail``, ``is_new_epoch``,
    ``previous_epoch_detail``, ``reset()`` and ``serialize()``.
    """

    def __del__(self):
        self.finalize()

    def __iter__(self):
        return self

    def __next__(self):
        """Returns the next mini-batch."""
        raise NotImplementedError

    def next(self):
        """Python 2 style alias of ``__next__``."""
        return self.__next__()

    def finalize(self):
        """Releases resources (worker processes, ...); no-op by default."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.finalize()

    def serialize(self, serializer):
        """Saves or loads the iteration state; no-op by default."""
