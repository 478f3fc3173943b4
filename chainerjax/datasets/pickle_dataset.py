"""Datasets stored as a sequence of pickles in one file
(``chainer.datasets.pickle_dataset``).

:class:`PickleDatasetWriter` appends pickled examples to a file;
:class:`PickleDataset` indexes the file once and unpickles one example per
access, so a dataset larger than memory can be read at random.

.. warning::
   Unpickling runs code chosen by whoever wrote the file: only open
   pickle datasets that you trust.
"""
import io
import multiprocessing.util
import pickle
import threading

from chainerjax.dataset import dataset_mixin


class PickleDatasetWriter(object):
    """Writes examples that :class:`PickleDataset` reads.

    Args:
        writer: a binary file object with ``write`` and ``tell``.
        protocol (int): the :mod:`pickle` protocol.
    """

    def __init__(self, writer, protocol=pickle.HIGHEST_PROTOCOL):
        self._positions = []
        self._writer = writer
        self._protocol = protocol

    def close(self):
        """Closes the file."""
        self._writer.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def write(self, x):
        """Appends the example ``x``."""
        position = self._writer.tell()
        pickle.dump(x, self._writer, protocol=self._protocol)
        self._positions.append(position)

    def flush(self):
        """Flushes the file, if it can be flushed."""
        if hasattr(self._writer, 'flush'):
            self._writer.flush()


class PickleDataset(dataset_mixin.DatasetMixin):
    """Dataset of the pickles stored one after another in a file.

    Example:
        >>> with chainer.datasets.open_pickle_dataset_writer(path) as w:
        ...     w.write((1, 2.0, 'hello'))
        ...     w.write((2, 3.0, 'good-bye'))
        >>> with chainer.datasets.open_pickle_dataset(path) as dataset:
        ...     print(dataset[1])
        (2, 3.0, 'good-bye')

    Args:
        reader: a binary file object that can seek.
    """

    def __init__(self, reader):
        if not reader.seekable():
            raise ValueError('reader must support random access')
        self._reader = reader
        self._positions = []
        reader.seek(0)
        while True:
            position = reader.tell()
            try:
                pickle.load(reader)
            except EOFError:
                break
            self._positions.append(position)
        self._lock = threading.RLock()
        self._register_hook()

    def _register_hook(self):
        # After a fork, a reader that can reopen its file does so, so that
        # parent and child do not share one file offset.
        multiprocessing.util.register_after_fork(
            self, PickleDataset._after_fork)

    def _after_fork(self):
        after_fork = getattr(self._reader, 'after_fork', None)
        if callable(after_fork):
            after_fork()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_lock']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.RLock()
        self._register_hook()

    def close(self):
        """Closes the file; the dataset cannot be read afterwards."""
        with self._lock:
            self._reader.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __len__(self):
        return len(self._positions)

    def get_example(self, index):
        with self._lock:
            self._reader.seek(self._positions[index])
            return pickle.load(self._reader)


class _FileReader(io.RawIOBase):
    # A read-only binary file that reopens itself after a fork and when
    # unpickled, so that processes do not share a file offset.

    def __init__(self, path):
        super(_FileReader, self).__init__()
        self._path = path
        self._fp = None
        self._open()

    def _open(self):
        self._fp = open(self._path, 'rb')

    def after_fork(self):
        self.close()
        self._open()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_fp']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._open()

    def flush(self):
        self._fp.flush()

    def close(self):
        self._fp.close()

    def fileno(self):
        return self._fp.fileno()

    def readable(self):
        return True

    def seekable(self):
        return self._fp.seekable()

    def seek(self, offset, whence=io.SEEK_SET):
        return self._fp.seek(offset, whence)

    def tell(self):
        return self._fp.tell()

    def readinto(self, b):
        return self._fp.readinto(b)


def open_pickle_dataset(path):
    """Opens the pickle dataset file ``path`` as a :class:`PickleDataset`.

    Close it with :meth:`PickleDataset.close` or a ``with`` block.

    Args:
        path (str): the file.

    Returns:
        PickleDataset: the dataset.
    """
    return PickleDataset(_FileReader(path))


def open_pickle_dataset_writer(path, protocol=pickle.HIGHEST_PROTOCOL):
    """Creates the file ``path`` and returns a writer of examples to it.

    Close it with :meth:`PickleDatasetWriter.close` or a ``with`` block.

    Args:
        path (str): the file (overwritten if it exists).
        protocol (int): the :mod:`pickle` protocol.

    Returns:
        PickleDatasetWriter: the writer.
    """
    return PickleDatasetWriter(open(path, 'wb'), protocol=protocol)
