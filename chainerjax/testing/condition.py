"""Decorators that run a test several times (``chainer.testing.condition``).

They are meant for tests of random behaviour: :func:`retry` passes if any
trial passes, :func:`repeat` only if every trial passes. Each trial runs on
a fresh instance of the ``unittest.TestCase`` with its own ``setUp`` and
``tearDown``.
"""

import functools
import unittest

try:
    import _pytest.outcomes
    _PytestSkipped = _pytest.outcomes.Skipped
except ImportError:  # pytest is optional
    class _PytestSkipped(BaseException):
        pass


class QuietTestRunner(object):
    """Runs a test suite and returns its result without printing anything."""

    def run(self, suite):
        """Runs ``suite``.

        Args:
            suite (unittest.TestSuite): Tests to run.

        Returns:
            unittest.TestResult: The outcome.
        """
        result = unittest.TestResult()
        suite(result)
        return result


def _run_trial(instance, f, args, kwargs):
    # Runs ``f`` once on a fresh instance of the test case, between its
    # setUp and tearDown, and returns the unittest result.
    trial = type(instance)(instance._testMethodName)

    def body():
        try:
            f(trial, *args, **kwargs)
        except _PytestSkipped as e:
            # pytest.skip() inside the trial counts as a unittest skip.
            trial.skipTest(e.msg)

    suite = unittest.TestSuite()
    suite.addTest(unittest.FunctionTestCase(
        body, setUp=trial.setUp, tearDown=trial.tearDown))
    return QuietTestRunner().run(suite)


def _report_failure(instance, n_failure, n_success, failed_results):
    msg = '\nFail: {}, Success: {}'.format(n_failure, n_success)
    if failed_results:
        first = failed_results[0]
        errors = first.failures + first.errors
        if errors:
            msg += '\n\nThe first error message:\n' + '\n'.join(
                text for _, text in errors)
    instance.fail(msg)


def repeat_with_success_at_least(times, min_success):
    """Decorator running a test method up to ``times`` times.

    The test passes as soon as ``min_success`` trials have passed, and fails
    as soon as that can no longer happen; the failure message counts the
    failures and successes and shows the first failure's traceback. If a
    trial is skipped, the whole test is skipped.

    Args:
        times (int): Maximum number of trials.
        min_success (int): Number of passing trials required.

    Returns:
        callable: The decorator, for methods of ``unittest.TestCase``.
    """
    assert times >= min_success

    def decorator(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            assert len(args) > 0
            instance = args[0]
            assert isinstance(instance, unittest.TestCase)
            n_success = 0
            n_failure = 0
            failed_results = []
            for _ in range(times):
                result = _run_trial(instance, f, args[1:], kwargs)
                if len(result.skipped) == 1:
                    instance.skipTest(result.skipped[0][1])
                if result.wasSuccessful():
                    n_success += 1
                else:
                    n_failure += 1
                    failed_results.append(result)
                if n_success >= min_success:
                    return
                if n_failure > times - min_success:
                    break
            _report_failure(instance, n_failure, n_success, failed_results)
        return wrapper
    return decorator


def repeat(times):
    """Decorator requiring a test to pass ``times`` times in a row.

    Args:
        times (int): Number of trials, all of which must pass.

    Returns:
        callable: The decorator.
    """
    return repeat_with_success_at_least(times, times)


def retry(times):
    """Decorator requiring a test to pass at least once in ``times`` trials.

    Args:
        times (int): Maximum number of trials.

    Returns:
        callable: The decorator.
    """
    return repeat_with_success_at_least(times, 1)
