"""HDF5 serializers (``chainer.serializers.hdf5``); they need h5py.

Files have Chainer's layout: the hierarchy of links (and of trainers,
optimizers, ...) is a hierarchy of HDF5 groups, each value a dataset named
by its key (``/l1/W``, ``/predictor/bn/avg_mean``), ``None`` an empty
dataset (``h5py.Empty('f')``), and arrays of more than one element are
gzip-compressed; so files move between Chainer and chainerjax in both
directions.

Difference from Chainer, for safety: :func:`save_hdf5` writes a temporary
file in the same directory and renames it over the target
(``os.replace``), so a crash never leaves a truncated file.
"""
import os
import secrets

import jax
import numpy

from chainerjax import serializer
from chainerjax.backends import _cpu

try:
    import h5py
    _available = True
except ImportError:
    h5py = None
    _available = False


def _check_available():
    if not _available:
        msg = '''h5py is not installed on your environment.
Please install h5py to activate hdf5 serializers.

  $ pip install h5py'''
        raise RuntimeError(msg)


def _to_host(value):
    if isinstance(value, numpy.ndarray):
        return value
    if isinstance(value, jax.core.Tracer):
        raise TypeError(
            'Cannot serialize a traced value (inside jax.jit or '
            'chainerjax.jit); serialize outside the compiled step.')
    return numpy.asarray(value)


class HDF5Serializer(serializer.Serializer):
    """Serializer writing into an HDF5 group (Chainer's layout).

    Args:
        group (h5py.Group): the group this serializer writes into.
        compression (int): the gzip compression level of arrays with more
            than one element.

    Raises:
        RuntimeError: if h5py is not installed.
    """

    def __init__(self, group, compression=4):
        _check_available()
        self.group = group
        self.compression = compression

    def __getitem__(self, key):
        name = self.group.name + '/' + key
        return HDF5Serializer(self.group.require_group(name),
                              self.compression)

    def __call__(self, key, value):
        if value is None:
            # an empty dataset stands for None
            arr = h5py.Empty('f')
            compression = None
        else:
            arr = _to_host(value)
            compression = None if arr.size <= 1 else self.compression
        self.group.create_dataset(key, data=arr, compression=compression)
        return value


def _temporary_path(path):
    directory = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    while True:
        tmp = os.path.join(directory, '.{}.{}.tmp'.format(
            base, secrets.token_hex(6)))
        if not os.path.exists(tmp):
            return tmp


def _save_dict(f, obj, compression):
    for key, value in obj.items():
        key = '/' + key.lstrip('/')
        arr = numpy.asarray(value)
        level = None if arr.size <= 1 else compression
        try:
            f.create_dataset(key, data=arr, compression=level)
        except TypeError as e:
            # e.g. object arrays (LogReport's and PlotReport's state)
            raise TypeError(
                'A key named "{}" is unable to save in HDF5 format: '
                '{}'.format(key, e)) from e


def save_hdf5(filename, obj, compression=4):
    """Saves an object (or a dict of arrays) to an HDF5 file.

    The file is written atomically: to a temporary file in the same
    directory, then renamed over ``filename``. To save several objects into
    one file, use :class:`HDF5Serializer` on groups of an ``h5py.File``.

    Args:
        filename (str, path-like or file object): the file. A binary file
            object (opened for reading and writing) is written directly.
        obj: an object with a ``serialize`` method (a Link, an optimizer,
            a trainer, ...) or a dict of arrays (saved as they are).
        compression (int): the gzip compression level.

    Raises:
        RuntimeError: if h5py is not installed.
    """
    _check_available()

    def write(target):
        with h5py.File(target, 'w') as f:
            if isinstance(obj, dict):
                _save_dict(f, obj, compression)
            else:
                HDF5Serializer(f, compression=compression).save(obj)

    if not isinstance(filename, (str, bytes, os.PathLike)):
        write(filename)  # a binary file object (written directly)
        return
    filename = os.fsdecode(filename)
    tmp = _temporary_path(filename)
    try:
        write(tmp)
        with open(tmp, 'rb+') as f:
            os.fsync(f.fileno())
        os.replace(tmp, filename)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def _check_shape(key, value, dataset):
    if tuple(value.shape) != tuple(dataset.shape):
        raise ValueError(
            'Shape mismatch when loading \'{}\': the file has shape {}, the '
            'target has shape {}.'.format(
                key, tuple(dataset.shape), tuple(value.shape)))


class HDF5Deserializer(serializer.Deserializer):
    """Deserializer reading from an HDF5 group (files written by Chainer or
    chainerjax).

    Args:
        group (h5py.Group): the group to read from.
        strict (bool): raise for a missing value; if False, missing values
            (and groups) leave the target unchanged.

    Raises:
        RuntimeError: if h5py is not installed.
    """

    def __init__(self, group, strict=True):
        _check_available()
        self.group = group
        self.strict = strict

    def __getitem__(self, key):
        if self.group is None:
            return HDF5Deserializer(None, strict=self.strict)
        name = self.group.name + '/' + key
        try:
            group = self.group.require_group(name)
        except ValueError:
            # no such group in a file opened read-only
            group = None
        return HDF5Deserializer(group, strict=self.strict)

    def __call__(self, key, value):
        if self.group is None:
            if not self.strict:
                return value
            raise ValueError('Inexistent group is specified')
        if not self.strict and key not in self.group:
            return value

        dataset = self.group[key]
        if dataset.shape is None:  # Empty: None
            return None
        if value is None:
            return numpy.asarray(dataset)
        if isinstance(value, numpy.ndarray):
            _check_shape(self.group.name + '/' + key, value, dataset)
            if value.flags.writeable:
                _cpu.wait_host_reads(value)
                dataset.read_direct(value)
                return value
            return numpy.asarray(dataset, dtype=value.dtype)
        if isinstance(value, jax.Array) and \
                not isinstance(value, jax.core.Tracer):
            _check_shape(self.group.name + '/' + key, value, dataset)
            device = next(iter(value.devices()))
            return jax.device_put(
                numpy.asarray(dataset, dtype=value.dtype), device)
        return type(value)(numpy.asarray(dataset))


def load_hdf5(filename, obj):
    """Loads an object from an HDF5 file (written by Chainer or
    chainerjax).

    Parameters that are not initialized yet take the stored shape. To load
    one of several objects of a file, use :class:`HDF5Deserializer` on the
    group.

    Args:
        filename (str, path-like or file object): the file.
        obj: the object to load into (it must have a ``serialize`` method).

    Raises:
        RuntimeError: if h5py is not installed.
        KeyError: a value is missing from the file.
        ValueError: a stored array has another shape than the target.
    """
    _check_available()
    with h5py.File(filename, 'r') as f:
        HDF5Deserializer(f).load(obj)
