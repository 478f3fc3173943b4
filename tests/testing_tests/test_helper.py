import unittest
import warnings

import numpy
import pytest

from chainerjax import testing


def _skipped(decorator):
    class Case(unittest.TestCase):
        @decorator
        def test_x(self):
            pass

    result = unittest.TestResult()
    Case('test_x').run(result)
    assert result.wasSuccessful()
    return [reason for _, reason in result.skipped]


@pytest.mark.parametrize('requirements,satisfied', [
    (('numpy',), True),
    (('numpy>=1.0',), True),
    (('numpy>=1.0', 'pytest'), True),
    (('numpy<1.0',), False),
    (('numpy>=1.0', 'numpy<1.0'), False),
    (('no-such-package-for-chainerjax',), False),
    (('numpy==' + numpy.__version__,), True),
])
def test_with_and_without_requires(requirements, satisfied):
    reason = 'requires: {}'.format(','.join(requirements))
    with_skips = _skipped(testing.with_requires(*requirements))
    without_skips = _skipped(testing.without_requires(*requirements))
    assert with_skips == ([] if satisfied else [reason])
    assert without_skips == ([reason] if satisfied else [])


class TestAssertWarns(unittest.TestCase):

    def test_warned(self):
        with testing.assert_warns(DeprecationWarning):
            warnings.warn('old', DeprecationWarning)

    def test_subclass(self):
        with testing.assert_warns(Warning):
            warnings.warn('x', RuntimeWarning)

    def test_not_warned(self):
        with pytest.raises(AssertionError, match='UserWarning not triggerred'):
            with testing.assert_warns(UserWarning):
                pass

    def test_other_warning(self):
        with pytest.raises(AssertionError):
            with testing.assert_warns(DeprecationWarning):
                warnings.warn('x', UserWarning)

    def test_repeated_warning_is_seen(self):
        for _ in range(2):
            with testing.assert_warns(UserWarning):
                warnings.warn('same', UserWarning)


class TestPatch(unittest.TestCase):

    def test_wraps_original(self):
        with testing.patch('numpy.add') as add:
            assert numpy.add(1, 2) == 3
        add.assert_called_once_with(1, 2)
        assert not hasattr(numpy.add, 'assert_called_once_with')

    def test_explicit_wraps(self):
        with testing.patch('numpy.add', wraps=lambda a, b: 42) as add:
            assert numpy.add(1, 2) == 42
        assert add.call_count == 1

    def test_unknown_module(self):
        with pytest.raises(RuntimeError, match="Can't import"):
            testing.patch('no_such_module_xyz.f')
