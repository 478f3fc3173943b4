"""Pytest marks for tests with special needs (``chainer.testing.attr``).

The marks are named exactly as in Chainer, so test selections such as
``pytest -m "not gpu and not slow"`` keep working: ``gpu``, ``cudnn``,
``chainerx``, ``ideep`` and ``slow``. ``multi_gpu(n)`` marks a test ``gpu``
and skips it when the environment variable ``CHAINER_TEST_GPU_LIMIT`` is set
to a number ``0 <= limit < n``.

The module imports without pytest; using a mark then raises
:class:`RuntimeError` saying why pytest is needed.
"""

import os
import unittest

try:
    import pytest
    _error = None
except ImportError as e:
    pytest = None
    _error = e


def is_available():
    """Tells whether pytest could be imported.

    Returns:
        bool: ``True`` if the marks can be used.
    """
    return _error is None


def get_error():
    """Returns the error raised by ``import pytest``, or ``None``."""
    return _error


def check_available():
    """Raises :class:`RuntimeError` if pytest is not available."""
    if _error is not None:
        raise RuntimeError(
            '{} is not available.\n\nReason: {}: {}'.format(
                __name__, type(_error).__name__, _error))


def _gpu_limit():
    return int(os.getenv('CHAINER_TEST_GPU_LIMIT', '-1'))


def _mark(name):
    def apply(*args, **kwargs):
        check_available()
        return getattr(pytest.mark, name)(*args, **kwargs)
    apply.__name__ = name
    apply.__doc__ = 'Applies the pytest mark ``{}``.'.format(name)
    return apply


chainerx = _mark('chainerx')
cudnn = _mark('cudnn')
ideep = _mark('ideep')
slow = _mark('slow')


def multi_gpu(gpu_num):
    """Decorator declaring that a test needs ``gpu_num`` GPUs.

    The test gets the ``gpu`` mark. If ``CHAINER_TEST_GPU_LIMIT`` is set to
    a value ``>= 0`` and smaller than ``gpu_num``, the test is skipped.

    Args:
        gpu_num (int): Number of GPUs the test needs.

    Returns:
        callable: The decorator.
    """
    check_available()
    limit = _gpu_limit()

    def decorator(f):
        skip = unittest.skipIf(
            0 <= limit < gpu_num, reason='{} GPUs required'.format(gpu_num))
        return skip(pytest.mark.gpu(f))
    return decorator


def gpu(f):
    """Decorator declaring that a test needs one GPU (``multi_gpu(1)``).

    Args:
        f: Test function or class.

    Returns:
        The marked test.
    """
    return multi_gpu(1)(f)
