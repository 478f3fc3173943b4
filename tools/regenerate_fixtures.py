"""Regenerates every golden fixture with real Chainer 7.8.1.

Runs every ``generate*.py`` under ``compat_tests/`` and every ``make_*.py``
generator under ``tests/``, each in its
own interpreter (the one running this script, which must have Chainer
7.8.1 importable: ``tox -e reference`` sets that up).

Usage: python tools/regenerate_fixtures.py [substring ...]
    With substrings, only the generators whose path contains one of them.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generators():
    """``compat_tests/**/generate*.py`` (``compat_tests/fixtures`` first:
    later generators may import its cases), then ``tests/**/make_*.py``."""
    found = ['compat_tests/fixtures/generate.py']
    for top, pattern in (('compat_tests', 'generate'), ('tests', 'make_')):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.startswith(pattern) and name.endswith('.py'):
                    rel = os.path.relpath(os.path.join(dirpath, name), ROOT)
                    if rel not in found:
                        found.append(rel)
    return found


def main(argv):
    import chainer
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    failed = []
    for gen in generators():
        if argv and not any(s in gen for s in argv):
            continue
        print('==', gen, flush=True)
        rc = subprocess.call([sys.executable, gen], cwd=ROOT)
        if rc:
            failed.append(gen)
    if failed:
        sys.exit('failed: ' + ', '.join(failed))


if __name__ == '__main__':
    main(sys.argv[1:])
