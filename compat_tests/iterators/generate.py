"""Generates the fixtures of ``cases_iterators.py`` with real Chainer 7.8.1.

Run from the repository root with the reference interpreter::

    /work/refvenv/bin/python compat_tests/iterators/generate.py

Writes under ``fixtures/``, each file to a temporary name first and then
moved into place with ``os.replace``: ``serial_snapshot.npz`` and
``multiprocess_snapshot.npz`` (``cases_iterators.write_snapshots``:
``chainer.serializers.save_npz`` of iterators in mid-epoch), then
``iterators.npz`` and ``iterators.json`` (the results of every case,
``_harness.save_fixture``) and ``VERSIONS.json``.
"""
import json
import os
import platform
import shutil
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import numpy  # NOQA

import chainer  # NOQA
import chainer.functions as F  # NOQA

from compat_tests import _harness  # NOQA
from compat_tests.iterators import cases_iterators  # NOQA

MODULE = 'iterators.iterators'
FIXTURES = os.path.join(HERE, 'fixtures')


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    os.makedirs(FIXTURES, exist_ok=True)
    warnings.simplefilter('ignore')
    work = tempfile.mkdtemp()
    try:
        written = cases_iterators.write_snapshots(chainer, numpy, work)
        for name, path in written.items():
            dst = cases_iterators.SNAPSHOTS[name]
            shutil.copyfile(path, dst + '.tmp')
            os.replace(dst + '.tmp', dst)
    finally:
        shutil.rmtree(work)
    results = {}
    for name, func in _harness.load_cases(MODULE):
        results[name] = func(chainer, F, numpy)
    _harness.save_fixture(MODULE, results)
    versions = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
                'python': platform.python_version()}
    text = json.dumps(versions, indent=1, sort_keys=True) + '\n'
    _harness._atomic_write(os.path.join(FIXTURES, 'VERSIONS.json'),
                           lambda f: f.write(text.encode('utf-8')))
    print('{}: {} cases'.format(MODULE, len(results)))


if __name__ == '__main__':
    main()
