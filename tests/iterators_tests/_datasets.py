"""Datasets for the iterator tests.

They live in a module importing only NumPy, so the worker processes of
MultiprocessIterator start quickly (they import the dataset's module).
"""
import os
import time

import numpy


class ArrayDataset(object):
    """``(x[i], i)`` pairs; ``x`` is a float32 array."""

    def __init__(self, n, shape=(2,)):
        self.x = numpy.arange(n * int(numpy.prod(shape)),
                              dtype=numpy.float32).reshape((n,) + shape)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], numpy.int32(i)


class RaisingDataset(object):
    """Raises ``ValueError`` for the example ``bad``."""

    def __init__(self, n, bad):
        self.n = n
        self.bad = bad

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i == self.bad:
            raise ValueError('broken example {}'.format(i))
        return i


class PidDataset(object):
    """Returns the process id of the process loading the example and its
    ``JAX_PLATFORMS`` environment variable."""

    def __init__(self, n, delay=0.0):
        self.n = n
        self.delay = delay

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if self.delay:
            time.sleep(self.delay)
        return os.getpid(), os.environ.get('JAX_PLATFORMS')


class ExitingDataset(object):
    """Kills the loading process at the example ``bad``."""

    def __init__(self, n, bad):
        self.n = n
        self.bad = bad

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i == self.bad:
            os._exit(3)
        return i


class FuncDataset(object):
    """``func(i)``; ``func`` may be a lambda (needs cloudpickle)."""

    def __init__(self, n, func):
        self.n = n
        self.func = func

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return self.func(i)
