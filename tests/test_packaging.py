"""What a wheel of chainerjax contains."""
import fnmatch
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.skipif(sys.version_info < (3, 11), reason='tomllib')
def test_every_data_file_of_the_package_is_package_data():
    # a file the package reads at run time but the wheel leaves out fails
    # only once installed (chainerjax/_chainer_modules.txt did: a missing
    # attribute of chainerjax.functions raised FileNotFoundError, which
    # hasattr() does not catch)
    import tomllib
    with open(os.path.join(ROOT, 'pyproject.toml'), 'rb') as f:
        config = tomllib.load(f)
    patterns = config['tool']['setuptools']['package-data']['chainerjax']
    package = os.path.join(ROOT, 'chainerjax')
    missing = []
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = [d for d in dirnames if d != '__pycache__']
        for name in filenames:
            if name.endswith(('.py', '.pyc')):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), package)
            if not any(fnmatch.fnmatch(rel, p) for p in patterns):
                missing.append(rel)
    assert not missing, (
        'add these to [tool.setuptools.package-data] in pyproject.toml: '
        '{}'.format(missing))
