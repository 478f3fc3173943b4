"""Global and thread-local configuration (``chainer.config``).

A key looked up on :data:`config` is searched first in the current thread's
local values and then in :data:`global_config`.
"""
import contextlib

import numpy
import sys
import threading


class GlobalConfig(object):
    """The process-wide configuration object."""

    def show(self, file=sys.stdout):
        """Prints the configuration entries, one per line, sorted by key."""
        keys = sorted(self.__dict__)
        _print_attrs(self, keys, file)


class LocalConfig(object):
    """Thread-local configuration that falls back to a global object.

    Args:
        global_config: the object consulted for keys not set locally.
    """

    def __init__(self, global_config):
        super(LocalConfig, self).__setattr__('_global', global_config)
        super(LocalConfig, self).__setattr__('_local', threading.local())

    def __delattr__(self, name):
        delattr(self._local, name)

    def __getattr__(self, name):
        dic = self._local.__dict__
        if name in dic:
            return dic[name]
        return getattr(self._global, name)

    def __setattr__(self, name, value):
        setattr(self._local, name, value)

    def show(self, file=sys.stdout):
        """Prints the effective configuration entries, sorted by key."""
        keys = sorted(set(self._global.__dict__) | set(self._local.__dict__))
        _print_attrs(self, keys, file)


def _print_attrs(obj, keys, file):
    width = max((len(k) for k in keys), default=0)
    for key in keys:
        file.write('{}   {}\n'.format(key.ljust(width), getattr(obj, key)))


global_config = GlobalConfig()
config = LocalConfig(global_config)

_missing = object()


@contextlib.contextmanager
def using_config(name, value, config=config):
    """Context manager that sets a configuration key temporarily.

    Args:
        name (str): name of the key.
        value: value to set while the context is active.
        config: the configuration object to change (default: the
            thread-local :data:`chainer.config`).

    Example:
        >>> import chainerjax as chainer
        >>> with chainer.using_config('train', False):
        ...     chainer.config.train
        False
    """
    if hasattr(config._local, name):
        old = getattr(config, name)
        setattr(config, name, value)
        try:
            yield
        finally:
            setattr(config, name, old)
    else:
        setattr(config, name, value)
        try:
            yield
        finally:
            delattr(config, name)


def get_dtype(dtype=None, map_mixed16=None):
    """Returns ``numpy.dtype(dtype)``, or the configured default dtype.

    Args:
        dtype: a dtype, or None for ``chainer.config.dtype``.
        map_mixed16: the dtype that ``chainer.mixed16`` maps to (default
            float16).
    """
    if dtype is None:
        dtype = config.dtype
    if dtype is _mixed16 or getattr(dtype, '_is_mixed16', False):
        return numpy.dtype(numpy.float16 if map_mixed16 is None
                           else map_mixed16)
    return numpy.dtype(dtype)


class _Mixed16(object):
    """Dtype-like object for 16/32-bit mixed precision."""

    _is_mixed16 = True
    dtype = numpy.dtype(numpy.float16)

    def __repr__(self):
        return "dtype('mixed16')"


_mixed16 = _Mixed16()
