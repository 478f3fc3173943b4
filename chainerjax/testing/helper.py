"""Helpers for writing tests (``chainer.testing.helper``)."""

import contextlib
import importlib.metadata
import sys
import unittest
import unittest.mock
import warnings

try:
    from packaging.requirements import Requirement
except ImportError:  # pragma: no cover - packaging ships with pip/setuptools
    Requirement = None


def _requirement_satisfied(requirement):
    # Whether an installed distribution satisfies a PEP 508 requirement
    # string such as 'numpy>=1.10'. Pre-releases count as satisfying.
    if Requirement is None:
        import pkg_resources
        try:
            pkg_resources.WorkingSet().require(requirement)
        except pkg_resources.ResolutionError:
            return False
        return True
    req = Requirement(requirement)
    try:
        version = importlib.metadata.version(req.name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return req.specifier.contains(version, prereleases=True)


def _all_satisfied(requirements):
    return all(_requirement_satisfied(r) for r in requirements)


def with_requires(*requirements):
    """Decorator running a test only when all requirements are installed.

    Example::

        class Test(unittest.TestCase):

            @testing.with_requires('numpy>=1.10')
            def test_new_numpy(self):
                ...

    Args:
        *requirements (str): Requirement specifiers, e.g. ``'scipy>=1.0'``.

    Returns:
        callable: A ``unittest.skipIf`` decorator.
    """
    skip = not _all_satisfied(requirements)
    return unittest.skipIf(skip, 'requires: {}'.format(','.join(requirements)))


def without_requires(*requirements):
    """Decorator running a test only when the requirements are NOT met.

    The test is skipped if every requirement is satisfied.

    Args:
        *requirements (str): Requirement specifiers.

    Returns:
        callable: A ``unittest.skipIf`` decorator.
    """
    skip = _all_satisfied(requirements)
    return unittest.skipIf(skip, 'requires: {}'.format(','.join(requirements)))


@contextlib.contextmanager
def assert_warns(expected):
    """Context manager asserting that a warning of a class is issued.

    Args:
        expected (type): Warning class (subclasses match too).

    Raises:
        AssertionError: If no such warning was issued in the block.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        yield
    if not any(isinstance(w.message, expected) for w in caught):
        name = getattr(expected, '__name__', str(expected))
        raise AssertionError('%s not triggerred' % name)


def _resolve(fullname):
    # Finds an object by dotted name, starting from an imported module.
    parts = fullname.split('.')
    obj = sys.modules.get(parts[0])
    if obj is None:
        raise RuntimeError('Can\'t import {}'.format(parts[0]))
    for i, part in enumerate(parts[1:]):
        obj = getattr(obj, part)
        if obj is None:
            raise RuntimeError(
                'Can\'t find object {}'.format('.'.join(parts[:i + 1])))
    return obj


def patch(target, *args, **kwargs):
    """``unittest.mock.patch`` whose mock wraps the original object.

    Calls go through to the patched object while being recorded.
    Unbound methods are not supported as ``wraps``.

    Args:
        target (str): Dotted name of the object to patch; its top-level
            module must already be imported.
        *args: Passed to :func:`unittest.mock.patch`.
        wraps: Object the mock forwards to; defaults to ``target`` itself.
        **kwargs: Passed to :func:`unittest.mock.patch`.

    Returns:
        The patcher (usable as decorator or context manager).
    """
    if 'wraps' in kwargs:
        wraps = kwargs.pop('wraps')
    else:
        wraps = _resolve(target)
    return unittest.mock.patch(target, *args, wraps=wraps, **kwargs)
