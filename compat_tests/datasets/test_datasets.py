"""chainerjax's ``chainer.datasets`` and ``chainer.dataset`` against
Chainer 7.8.1 (``cases_datasets.py``, fixtures by ``generate.py``).

Datasets only index, copy and convert: every array is compared exactly.
"""
import pytest

from compat_tests import _harness

MODULE = 'datasets.datasets'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {}

TOLERANCES = {name: {'*': (0, 0)} for name, _ in _harness.load_cases(MODULE)}


def test_every_case_has_a_fixture():
    names = [n for n, _ in _harness.load_cases(MODULE)]
    assert sorted(names) == sorted(_harness.load_fixture(MODULE))


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case, TOLERANCES)
