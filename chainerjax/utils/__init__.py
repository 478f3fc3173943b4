"""Small utilities shared across chainerjax (``chainer.utils``).

Only NumPy-level helpers live here; nothing in this package imports the
chainerjax core at import time.
"""

import collections.abc
import contextlib
import shutil
import tempfile

import numpy

from chainerjax.utils import type_check  # NOQA
# sparse.py imports the core only when a CooMatrix is built
from chainerjax.utils.sparse import CooMatrix  # NOQA
from chainerjax.utils.sparse import get_order  # NOQA
from chainerjax.utils.sparse import to_coo  # NOQA


collections_abc = collections.abc


def __getattr__(name):
    # WalkerAlias is a DeviceResident (chainerjax core): imported on first
    # use, so that importing chainerjax.utils stays free of the core.
    if name == 'WalkerAlias':
        from chainerjax.utils.walker_alias import WalkerAlias
        return WalkerAlias
    raise AttributeError(
        'module {!r} has no attribute {!r}'.format(__name__, name))


def force_array(x, dtype=None):
    """Turns a scalar into a 0-dimensional array.

    NumPy returns scalars from operations on 0-dimensional arrays; functions
    must return arrays, so scalars are wrapped back.

    Args:
        x: A scalar or an array.
        dtype: If given, the result is cast to it (without copying when the
            dtype already matches).

    Returns:
        An array.
    """
    if numpy.isscalar(x):
        return numpy.array(x) if dtype is None else numpy.array(x, dtype)
    if dtype is None:
        return x
    return x.astype(dtype, copy=False)


def force_type(dtype, value):
    """Casts a scalar or an array to ``dtype``.

    Args:
        dtype (numpy.dtype): Target dtype.
        value: A scalar or an array.

    Returns:
        A scalar of type ``dtype.type`` or an array of dtype ``dtype``;
        arrays already of that dtype are returned as they are.
    """
    if numpy.isscalar(value):
        return dtype.type(value)
    if value.dtype != dtype:
        return value.astype(dtype, copy=False)
    return value


@contextlib.contextmanager
def tempdir(**kwargs):
    """Context manager yielding a temporary directory removed on exit.

    Args:
        ignore_errors (bool): Passed to :func:`shutil.rmtree` on cleanup.
        **kwargs: Passed to :func:`tempfile.mkdtemp`.

    Yields:
        str: Path of the directory.
    """
    ignore_errors = kwargs.pop('ignore_errors', False)
    path = tempfile.mkdtemp(**kwargs)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=ignore_errors)


def _raise_from(exc_type, message, orig_exc):
    """Raises ``exc_type`` describing ``orig_exc`` after ``message``.

    The new exception keeps the traceback of ``orig_exc``.

    Args:
        exc_type (type): Exception class; called with one string.
        message (str): Leading text.
        orig_exc (BaseException): The exception being wrapped.
    """
    text = '{}\n\n(caused by)\n{}: {}\n'.format(
        message, type(orig_exc).__name__, orig_exc)
    raise exc_type(text).with_traceback(orig_exc.__traceback__) from None
