"""NPZ serializers (``chainer.serializers.npz``).

Files have Chainer's layout: one array per value, keyed by its path
(``'l1/W'``, ``'predictor/l1/b'``, ``'updater/iteration'``), ``None`` stored
as a 0-d object array, exactly as Chainer 7.8.1 writes them, so files move
between Chainer and chainerjax in both directions.

Differences from Chainer, for safety: :func:`save_npz` given a path writes
a temporary file in the same directory and renames it over the target
(``os.replace``), so a crash never leaves a truncated file; and
:func:`load_npz` never unpickles (``allow_pickle=False``): a 0-d object
array (how ``None`` is stored) is recognized from its header without reading
its pickled payload and is loaded as ``None``.
"""
import os
import secrets

import jax
import numpy

from chainerjax import serializer
from chainerjax.backends import _cpu


def _to_host(value):
    # The NumPy array stored for ``value`` (an array or a scalar).
    if isinstance(value, numpy.ndarray):
        return value
    if isinstance(value, jax.core.Tracer):
        raise TypeError(
            'Cannot serialize a traced value (inside jax.jit or '
            'chainerjax.jit); serialize outside the compiled step.')
    if isinstance(value, jax.Array):
        return numpy.asarray(value)
    if numpy.isscalar(value):
        return numpy.asarray(value)
    raise TypeError(
        'Cannot serialize a value of type {}: an array, a scalar or None is '
        'expected.'.format(type(value)))


class DictionarySerializer(serializer.Serializer):
    """Serializer that records values into a dictionary of NumPy arrays.

    Keys are paths joined by ``'/'`` (``'l1/W'``); ``None`` is stored as
    ``numpy.asarray(None)``, as in Chainer.

    Args:
        target (dict): the dictionary to fill (default: a new one).
        path (str): the prefix of the keys (ends with ``'/'`` if not empty).
    """

    def __init__(self, target=None, path=''):
        self.target = {} if target is None else target
        self.path = path

    def __getitem__(self, key):
        key = key.strip('/')
        return DictionarySerializer(self.target, self.path + key + '/')

    def __call__(self, key, value):
        key = key.lstrip('/')
        self.target[self.path + key] = (
            _to_host(value) if value is not None else numpy.asarray(None))
        return value


def serialize(obj):
    """Returns the dictionary of arrays that :func:`save_npz` would save.

    Args:
        obj: an object with a ``serialize`` method.
    """
    s = DictionarySerializer()
    s.save(obj)
    return s.target


def _write_atomically(path, write):
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, 'O_BINARY', 0)
    while True:
        tmp = os.path.join(directory, '.{}.{}.tmp'.format(
            base, secrets.token_hex(6)))
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, 'wb') as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def save_npz(file, obj, compression=True):
    """Saves an object (or a dictionary of arrays) to an NPZ file.

    Args:
        file (str, path-like or file object): where to write. A path is
            written atomically (temporary file in the same directory, then
            ``os.replace``); a file object is written directly. No
            ``'.npz'`` suffix is added.
        obj: an object with a ``serialize`` method (a Link, an optimizer,
            a trainer, ...) or a dict of arrays.
        compression (bool): compress the archive (``numpy.savez_compressed``).
    """
    if isinstance(file, (str, os.PathLike)):
        _write_atomically(file, lambda f: save_npz(f, obj, compression))
        return
    if isinstance(obj, dict):
        target = obj
    else:
        s = DictionarySerializer()
        s.save(obj)
        target = s.target
    if compression:
        numpy.savez_compressed(file, **target)
    else:
        numpy.savez(file, **target)


def _is_stored_none(npz, key):
    # True if the member ``key`` of an NpzFile is a 0-d object array (how
    # None is stored), judged from its header only (nothing is unpickled).
    try:
        member = npz.zip.open(key + '.npy')
    except (KeyError, AttributeError):
        return False
    with member:
        version = numpy.lib.format.read_magic(member)
        if version == (1, 0):
            shape, _, dtype = numpy.lib.format.read_array_header_1_0(member)
        else:
            shape, _, dtype = numpy.lib.format.read_array_header_2_0(member)
    return dtype.hasobject and shape == ()


def _check_shape(key, value, dataset):
    if tuple(value.shape) != tuple(dataset.shape):
        raise ValueError(
            'Shape mismatch when loading \'{}\': the file has shape {}, the '
            'target has shape {}.'.format(
                key, tuple(dataset.shape), tuple(value.shape)))


def _check_cast(key, value, dataset):
    if not numpy.can_cast(dataset.dtype, value.dtype, casting='same_kind'):
        raise TypeError(
            'Cannot load \'{}\' of dtype {} into an array of dtype {}.'
            .format(key, dataset.dtype, value.dtype))


class NpzDeserializer(serializer.Deserializer):
    """Deserializer reading values from an NPZ archive (or a dict).

    Args:
        npz: the ``numpy.load`` result, or a dict of arrays.
        path (str): the prefix of the keys to read (``'updater/model:main/'``
            to load a model out of a trainer snapshot).
        strict (bool): raise ``KeyError`` for a missing key; if False,
            missing keys leave the values unchanged.
        ignore_names: a key, a callable ``f(key) -> bool`` or a list of
            them, naming keys not to load.
    """

    def __init__(self, npz, path='', strict=True, ignore_names=None):
        self.npz = npz
        self.path = path
        self.strict = strict
        if ignore_names is None:
            ignore_names = []
        self.ignore_names = ignore_names

    def __getitem__(self, key):
        key = key.strip('/')
        return NpzDeserializer(
            self.npz, self.path + key + '/', strict=self.strict,
            ignore_names=self.ignore_names)

    def _ignored(self, key):
        names = self.ignore_names
        if not isinstance(names, (tuple, list)):
            names = (names,)
        for name in names:
            if isinstance(name, str):
                if key == name:
                    return True
            elif callable(name):
                if name(key):
                    return True
            else:
                raise ValueError(
                    'ignore_names needs to be a callable, string or '
                    'list of them.')
        return False

    def _read(self, key):
        # Returns (is_none, array).
        npz = self.npz
        if isinstance(npz, numpy.lib.npyio.NpzFile):
            if key not in npz:
                raise KeyError(
                    '{} is not a file in the archive'.format(key))
            try:
                return False, npz[key]
            except ValueError:
                if _is_stored_none(npz, key):
                    return True, None
                raise ValueError(
                    'The value \'{}\' is a pickled object array; chainerjax '
                    'does not unpickle data when loading NPZ files.'
                    .format(key))
        dataset = numpy.asarray(npz[key])
        if dataset.dtype.hasobject and dataset.shape == () and \
                dataset[()] is None:
            return True, None
        return False, dataset

    def __call__(self, key, value):
        key = self.path + key.lstrip('/')
        if not self.strict and key not in self.npz:
            return value
        if self._ignored(key):
            return value

        is_none, dataset = self._read(key)
        if is_none:
            return None
        if value is None:
            return dataset
        if isinstance(value, numpy.ndarray):
            _check_shape(key, value, dataset)
            if value.flags.writeable:
                _cpu.write_into(value, dataset)
                return value
            _check_cast(key, value, dataset)
            return dataset.astype(value.dtype)
        if isinstance(value, jax.Array) and \
                not isinstance(value, jax.core.Tracer):
            _check_shape(key, value, dataset)
            _check_cast(key, value, dataset)
            device = next(iter(value.devices()))
            return jax.device_put(dataset.astype(value.dtype), device)
        # A scalar (int, float, bool, str, NumPy scalar, ...).
        value_type = type(value)
        arr = numpy.asarray(dataset)
        if (issubclass(arr.dtype.type, numpy.number)
                and not (issubclass(arr.dtype.type, numpy.integer)
                         and value_type is int)
                and not numpy.can_cast(arr.dtype, value_type,
                                       casting='safe')):
            raise TypeError(
                'Cannot safely deserialize from numpy array with dtype={} '
                'into a variable of type {}.'.format(arr.dtype, value_type))
        return value_type(arr)


def load_npz(file, obj, path='', strict=True, ignore_names=None):
    """Loads an object from an NPZ file (written by Chainer or chainerjax).

    Parameters that are not initialized yet take the stored shape. Values
    on a JAX device are loaded onto that device.

    Args:
        file (str, path-like or file object): the file.
        obj: the object to load into (it must have a ``serialize`` method).
        path (str): the prefix of the keys to read, e.g.
            ``'updater/model:main/'`` for the model of a trainer snapshot.
        strict (bool): raise ``KeyError`` for a missing key.
        ignore_names: a key, a callable ``f(key) -> bool`` or a list of
            them, naming keys not to load.

    Raises:
        KeyError: a key is missing (``strict=True``).
        ValueError: a stored array has another shape than the target.
    """
    with numpy.load(file, allow_pickle=False) as f:
        d = NpzDeserializer(
            f, path=path, strict=strict, ignore_names=ignore_names)
        d.load(obj)
