"""Generates the link-test fixtures with real Chainer 7.8.1.

Run from the repository root with the reference interpreter::

    /work/refvenv/bin/python compat_tests/links/generate_linktests.py
    /work/refvenv/bin/python compat_tests/links/generate_linktests.py rnn

For every case of ``_link_cases.py`` (all categories, or those named)
runs :func:`_link_cases.run` with Chainer and writes its arrays, packed by
:func:`_link_cases.pack` under the case key, into
``fixtures/linktests_<category>.npz`` (a temporary file moved into place
with ``os.replace``).
"""
import os
import sys
import tempfile
import warnings

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import chainer  # NOQA
from compat_tests.links import _link_cases as C  # NOQA


def _atomic_savez(path, arrays):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix='.tmp')
    os.close(fd)
    try:
        with open(tmp, 'wb') as f:
            numpy.savez_compressed(f, **arrays)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def generate(category):
    arrays = {}
    for case in C.CASES[category]:
        for p in C.expand(case.tables):
            k = C.key(case.name, p)
            # (values constructors draw are overwritten or unused)
            numpy.random.seed(0)
            try:
                result = C.run(chainer, case, p)
            except Exception:
                print('failed:', k, file=sys.stderr)
                raise
            arrays.update(C.pack(k, result))
    path = os.path.join(C.FIXTURES, 'linktests_%s.npz' % category)
    _atomic_savez(path, arrays)
    print('{}: {} arrays, {} bytes'.format(
        os.path.relpath(path), len(arrays), os.path.getsize(path)))


def main(argv):
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    warnings.simplefilter('ignore')
    for category in argv or [c for c in C.CATEGORIES if C.CASES[c]]:
        generate(category)


if __name__ == '__main__':
    main(sys.argv[1:])
