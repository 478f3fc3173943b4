"""Dataset cache directory and downloads (``chainer.dataset.download``).

The root is ``$CHAINER_DATASET_ROOT`` if set, else
``~/.chainer/dataset`` (the same cache as Chainer's, so files Chainer
downloaded are reused). Files appear atomically: they are written under a
temporary name in the destination directory and renamed.
"""
import contextlib
import hashlib
import os
import pickle
import secrets
import struct
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib

import numpy

_dataset_root = os.environ.get(
    'CHAINER_DATASET_ROOT',
    os.path.join(os.path.expanduser('~'), '.chainer', 'dataset'))


def get_dataset_root():
    """Returns the root directory of the dataset cache."""
    return _dataset_root


def set_dataset_root(path):
    """Sets the root directory of the dataset cache.

    Args:
        path (str): the new root (it need not exist yet).
    """
    global _dataset_root
    _dataset_root = path


def _makedirs(path):
    os.makedirs(path, exist_ok=True)


def get_dataset_directory(dataset_name, create_directory=True):
    """Returns ``<root>/<dataset_name>``, creating it by default.

    Args:
        dataset_name (str): the dataset's directory name (may contain
            ``/``).
        create_directory (bool): create the directory if missing.
    """
    path = os.path.join(_dataset_root, dataset_name)
    if create_directory:
        _makedirs(path)
    return path


@contextlib.contextmanager
def _file_lock(path):
    # An inter-process lock on ``path``: filelock if installed (as in
    # Chainer), else fcntl.flock, else nothing (Windows without filelock).
    try:
        import filelock
    except ImportError:
        filelock = None
    if filelock is not None:
        with filelock.FileLock(path):
            yield
        return
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path, 'a') as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _temp_path_beside(path):
    # A new empty file next to ``path`` (mode 0o666 & ~umask).
    directory = os.path.dirname(os.path.abspath(path))
    while True:
        tmp = os.path.join(directory, '.{}.{}.tmp'.format(
            os.path.basename(path), secrets.token_hex(6)))
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp


def cached_download(url):
    """Downloads ``url`` once and returns the path of the cached file.

    The file is stored under ``<root>/_dl_cache/<md5 of url>`` (Chainer's
    layout). A partial download never becomes visible under that name.

    Args:
        url (str): the URL.

    Returns:
        str: the path of the downloaded file.
    """
    cache_root = os.path.join(_dataset_root, '_dl_cache')
    _makedirs(cache_root)
    lock_path = os.path.join(cache_root, '_dl_lock')
    url_hash = hashlib.md5(url.encode('utf-8')).hexdigest()
    cache_path = os.path.join(cache_root, url_hash)
    with _file_lock(lock_path):
        if os.path.exists(cache_path):
            return cache_path
    tmp = _temp_path_beside(cache_path)
    try:
        sys.stderr.write('Downloading from {}...\n'.format(url))
        sys.stderr.flush()
        try:
            urllib.request.urlretrieve(url, tmp)
        except urllib.error.ContentTooShortError as e:
            raise urllib.error.ContentTooShortError(
                'The download from {} was truncated ({}); nothing was '
                'cached. Call the function again to retry the '
                'download.'.format(url, e.reason), None) from None
        with _file_lock(lock_path):
            os.replace(tmp, cache_path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return cache_path


def cache_or_load_file(path, creator, loader):
    """Loads ``path`` with ``loader``, creating it first if it is missing.

    If ``path`` exists, returns ``loader(path)``. Otherwise calls
    ``creator(temp_path)``, which writes the file to ``temp_path`` and
    returns the content; the file is then renamed to ``path`` (unless
    another process created it meanwhile) and the content is returned.

    Args:
        path (str): the cache file.
        creator: ``creator(path) -> content``, writing the file.
        loader: ``loader(path) -> content``.
    """
    if os.path.exists(path):
        return loader(path)
    try:
        _makedirs(_dataset_root)
    except OSError:
        raise RuntimeError('cannot create dataset directory')
    directory = os.path.dirname(os.path.abspath(path))
    _makedirs(directory)
    lock_path = os.path.join(_dataset_root, '_create_lock')
    temp_dir = tempfile.mkdtemp(
        prefix='.' + os.path.basename(path) + '.', dir=directory)
    try:
        temp_path = os.path.join(temp_dir, os.path.basename(path))
        content = creator(temp_path)
        with _file_lock(lock_path):
            if not os.path.exists(path):
                os.replace(temp_path, path)
    finally:
        import shutil
        shutil.rmtree(temp_dir, ignore_errors=True)
    return content


# Errors that reading a truncated or corrupt file raises (gzip, zip, tar,
# pickle, .mat and .npz readers).
_READ_ERRORS = (OSError, EOFError, ValueError, KeyError, IndexError,
                TypeError, struct.error, zipfile.BadZipFile, zlib.error,
                tarfile.TarError, pickle.UnpicklingError)
# ... except those that say nothing about the content.
_ACCESS_ERRORS = (PermissionError, FileNotFoundError, IsADirectoryError)


def _load_npz(path, keys):
    # Loads the arrays ``keys`` of the cache file ``path`` (written by
    # ``numpy.savez_compressed``, as Chainer writes them) into a dict. A
    # truncated or corrupt file raises a RuntimeError naming the file.
    try:
        with numpy.load(path, allow_pickle=False) as npz:
            missing = [key for key in keys if key not in npz.files]
            if missing:
                raise ValueError('arrays {} are missing'.format(missing))
            return {key: npz[key] for key in keys}
    except _ACCESS_ERRORS:
        raise
    except _READ_ERRORS as e:
        raise RuntimeError(
            'The dataset cache file {} is corrupt or truncated ({}: {}). '
            'Delete it and call the function again: it is rebuilt from '
            'the downloaded file.'.format(path, type(e).__name__, e)
        ) from e


@contextlib.contextmanager
def _reading_download(path, url):
    # Turns an error raised while parsing the downloaded file ``path``
    # (fetched from ``url``) into a RuntimeError that says how to fix it.
    try:
        yield
    except _ACCESS_ERRORS:
        raise
    except _READ_ERRORS as e:
        raise RuntimeError(
            'The file {} downloaded from {} is corrupt or truncated '
            '({}: {}). Delete it and call the function again to download '
            'it again.'.format(path, url, type(e).__name__, e)) from e
