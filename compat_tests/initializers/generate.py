"""Generates the fixtures of ``cases_initializers.py`` with real Chainer
7.8.1.

Run from the repository root with the reference interpreter::

    /work/refvenv/bin/python compat_tests/initializers/generate.py

Runs every case with ``(chainer, chainer.functions, numpy)`` and writes,
atomically (``_harness.save_fixture``: a temporary file, then
``os.replace``), ``fixtures/initializers.npz`` and
``fixtures/initializers.json``, and the versions used to
``fixtures/VERSIONS.json``.
"""
import json
import os
import platform
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import numpy  # NOQA

import chainer  # NOQA
import chainer.functions as F  # NOQA

from compat_tests import _harness  # NOQA

MODULE = 'initializers.initializers'


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    results = {}
    for name, func in _harness.load_cases(MODULE):
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            results[name] = func(chainer, F, numpy)
    _harness.save_fixture(MODULE, results)
    versions = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
                'python': platform.python_version()}
    text = json.dumps(versions, indent=1, sort_keys=True) + '\n'
    _harness._atomic_write(os.path.join(HERE, 'fixtures', 'VERSIONS.json'),
                           lambda f: f.write(text.encode('utf-8')))
    print('{}: {} cases'.format(MODULE, len(results)))


if __name__ == '__main__':
    main()
