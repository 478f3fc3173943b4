"""Runs the programs of ``_programs.py`` with real Chainer 7.8.1 (eagerly)
and writes their results as the fixtures of the jit compat tests.

Run from the repository root with the reference interpreter::

    /work/refvenv/bin/python compat_tests/jit/generate.py

Writes, atomically, ``fixtures/programs.npz`` and ``fixtures/programs.json``
(``compat_tests/_harness.save_fixture``: one entry per program) and
``fixtures/VERSIONS.json``.
"""
import json
import os
import platform
import sys
import tempfile
import warnings

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import chainer  # NOQA
from compat_tests import _harness  # NOQA
from compat_tests.jit import _programs  # NOQA

MODULE = 'jit.programs'   # -> compat_tests/jit/fixtures/programs.*


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    warnings.simplefilter('ignore')
    results = {}
    for name, program in _programs.PROGRAMS.items():
        with tempfile.TemporaryDirectory() as out:
            results[name], _ = program(chainer, None, out)
        print('{}: {} entries'.format(name, len(results[name])))
    _harness.save_fixture(MODULE, results)
    versions = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
                'python': platform.python_version()}
    text = json.dumps(versions, indent=1, sort_keys=True) + '\n'
    _harness._atomic_write(
        os.path.join(HERE, 'fixtures', 'VERSIONS.json'),
        lambda f: f.write(text.encode('utf-8')))


if __name__ == '__main__':
    main()
