"""chainerjax's ``chainer.iterators`` against Chainer 7.8.1
(``cases_iterators.py``, fixtures by ``generate.py``): the batch sequences,
the epoch bookkeeping, the serialized states and resuming from them,
including from snapshots saved by Chainer.
"""
import glob
import multiprocessing
import os

import pytest

from compat_tests import _harness

MODULE = 'iterators.iterators'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
    'case_multiprocess_serialize_unshuffled':
        'Chainer 7.8.1 cannot serialize a MultiprocessIterator without an '
        'order (shuffle=False: AttributeError on None.copy()); chainerjax '
        'saves and restores it like SerialIterator',
}

TOLERANCES = {name: {'*': (0, 0)} for name, _ in _harness.load_cases(MODULE)}


def _children():
    # the processes this test process started that still exist (zombies
    # included: a finalized iterator has waited for its workers)
    pid = str(os.getpid())
    found = []
    for stat in glob.glob('/proc/[0-9]*/stat'):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if fields[1] == pid:
            found.append(stat.split('/')[2])
    return sorted(found)


def test_every_case_has_a_fixture():
    names = [n for n, _ in _harness.load_cases(MODULE)]
    assert sorted(names) == sorted(_harness.load_fixture(MODULE))


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    before = set(_children())
    mp_before = set(multiprocessing.active_children())
    _harness.run_and_compare(MODULE, case, TOLERANCES)
    # every iterator was finalized: none of its worker processes is left
    assert set(_children()) - before == set()
    assert set(multiprocessing.active_children()) - mp_before == set()
