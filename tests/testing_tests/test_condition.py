import unittest

import pytest

from chainerjax import testing
from chainerjax.testing import condition


class _Trials(unittest.TestCase):
    """Test case whose ``probabilistic`` test follows a script of outcomes.

    ``script`` lists, per trial, 'pass', 'fail', 'error' or 'skip'. The
    class records how often setUp, tearDown and the test body ran.
    """

    __test__ = False  # a helper, not a test
    script = ()

    @classmethod
    def reset(cls, script):
        cls.script = list(script)
        cls.calls = []

    def setUp(self):
        type(self).calls.append('setUp')

    def tearDown(self):
        type(self).calls.append('tearDown')

    def runTest(self):
        pass

    def body(self):
        n = type(self).calls.count('body')
        type(self).calls.append('body')
        outcome = type(self).script[n]
        if outcome == 'fail':
            self.fail('trial {} failed'.format(n))
        if outcome == 'error':
            raise ValueError('trial {} raised'.format(n))
        if outcome == 'skip':
            self.skipTest('trial {} skipped'.format(n))
        if outcome == 'pytest-skip':
            pytest.skip('skipped by pytest')


def _run(decorator, script):
    _Trials.reset(script)
    case = _Trials()
    decorator(_Trials.body)(case)
    return _Trials.calls.count('body')


@pytest.mark.parametrize('script,trials', [
    (['pass'], 1),
    (['fail', 'pass'], 2),
    (['error', 'fail', 'pass'], 3),
])
def test_retry_passes(script, trials):
    assert _run(condition.retry(3), script) == trials


def test_retry_fails_after_all_trials():
    with pytest.raises(AssertionError) as e:
        _run(condition.retry(3), ['fail', 'error', 'fail'])
    msg = str(e.value)
    assert msg.startswith('\nFail: 3, Success: 0')
    assert 'The first error message:' in msg
    assert 'trial 0 failed' in msg
    assert 'trial 1 raised' not in msg
    assert _Trials.calls.count('body') == 3


def test_repeat_passes():
    assert _run(condition.repeat(3), ['pass'] * 3) == 3


def test_repeat_stops_at_first_failure():
    with pytest.raises(AssertionError, match='Fail: 1, Success: 1'):
        _run(condition.repeat(3), ['pass', 'fail', 'pass'])
    assert _Trials.calls.count('body') == 2


@pytest.mark.parametrize('script,trials,ok', [
    (['pass', 'pass'], 2, True),
    (['fail', 'pass', 'pass'], 3, True),
    (['pass', 'fail', 'fail', 'fail'], 4, False),
    (['fail', 'fail', 'fail'], 3, False),
])
def test_repeat_with_success_at_least(script, trials, ok):
    decorator = condition.repeat_with_success_at_least(4, 2)
    if ok:
        assert _run(decorator, script) == trials
    else:
        with pytest.raises(AssertionError, match='Fail: 3, Success: [01]'):
            _run(decorator, script)
        assert _Trials.calls.count('body') == trials


def test_setup_and_teardown_per_trial():
    _run(condition.retry(3), ['fail', 'pass'])
    assert _Trials.calls == ['setUp', 'body', 'tearDown'] * 2


@pytest.mark.parametrize('kind', ['skip', 'pytest-skip'])
def test_skip_skips_whole_test(kind):
    with pytest.raises(unittest.SkipTest):
        _run(condition.retry(3), [kind, 'pass'])
    assert _Trials.calls.count('body') == 1


def test_invalid_counts():
    with pytest.raises(AssertionError):
        condition.repeat_with_success_at_least(2, 3)


def test_requires_test_case():
    with pytest.raises(AssertionError):
        condition.retry(2)(lambda self: None)(object())


class TestUnderUnittest(unittest.TestCase):
    # The decorators applied as users do.

    attempts = 0

    @condition.retry(5)
    def test_flaky(self):
        type(self).attempts += 1
        assert type(self).attempts >= 3

    @condition.repeat(2)
    def test_stable(self):
        pass


def test_wraps_name():
    assert TestUnderUnittest.test_flaky.__name__ == 'test_flaky'


@testing.parameterize({'n': 1})
class TestWithParameterize(unittest.TestCase):

    @condition.retry(2)
    def test_parameter_visible(self):
        assert self.n == 1
