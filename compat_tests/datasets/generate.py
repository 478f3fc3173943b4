"""Generates the fixtures of ``cases_datasets.py`` with real Chainer 7.8.1.

Run from the repository root with the reference interpreter (it needs
Pillow and SciPy, as ``tox -e reference`` installs)::

    /work/refvenv/bin/python compat_tests/datasets/generate.py

Writes under ``fixtures/``, each file or folder to a temporary name first
and then moved into place with ``os.replace``:

* ``images/`` and ``chainer_written.pkl``: the inputs of the image and
  pickle cases (``cases_datasets.write_inputs``; the pickle is written by
  Chainer's ``open_pickle_dataset_writer``);
* ``chainer_cache/``: the dataset root Chainer's loaders leave after
  reading the fake downloads (``cases_datasets.build_chainer_cache``);
* ``datasets.npz`` and ``datasets.json``: the results of every case
  (``_harness.save_fixture``), and ``VERSIONS.json``.
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
from compat_tests.datasets import cases_datasets  # NOQA

MODULE = 'datasets.datasets'
FIXTURES = os.path.join(HERE, 'fixtures')


def _replace_tree(src, dst):
    tmp = os.path.join(FIXTURES, '.' + os.path.basename(dst) + '.tmp')
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    old = None
    if os.path.exists(dst):
        old = os.path.join(FIXTURES, '.' + os.path.basename(dst) + '.old')
        shutil.rmtree(old, ignore_errors=True)
        os.replace(dst, old)
    os.replace(tmp, dst)
    if old is not None:
        shutil.rmtree(old)


def _replace_file(src, dst):
    tmp = dst + '.tmp'
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    os.makedirs(FIXTURES, exist_ok=True)
    warnings.simplefilter('ignore')
    work = tempfile.mkdtemp()
    try:
        cases_datasets.write_inputs(chainer, numpy, work)
        _replace_tree(os.path.join(work, 'images'), cases_datasets.IMAGES)
        _replace_file(os.path.join(work, 'chainer_written.pkl'),
                      cases_datasets.CHAINER_PICKLE)
        cache = os.path.join(work, 'cache')
        cases_datasets.build_chainer_cache(chainer, numpy, cache)
        _replace_tree(cache, cases_datasets.CHAINER_CACHE)
    finally:
        shutil.rmtree(work)
    results = {}
    for name, func in _harness.load_cases(MODULE):
        results[name] = func(chainer, F, numpy)
    _harness.save_fixture(MODULE, results)
    import PIL
    import scipy
    versions = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
                'python': platform.python_version(),
                'pillow': PIL.__version__, 'scipy': scipy.__version__}
    text = json.dumps(versions, indent=1, sort_keys=True) + '\n'
    _harness._atomic_write(os.path.join(FIXTURES, 'VERSIONS.json'),
                           lambda f: f.write(text.encode('utf-8')))
    print('{}: {} cases'.format(MODULE, len(results)))


if __name__ == '__main__':
    main()
