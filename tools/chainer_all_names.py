"""Lists every public name of every Chainer 7.8.1 module (run with real
Chainer), for the errors chainerjax raises on a missing name.

Usage (reference environment only)::

    python tools/chainer_all_names.py > chainerjax/_chainer_names.json

For each module of ``chainerjax/_chainer_modules.txt`` that imports, the
names ``dir()`` gives that do not start with ``_`` and are not modules
nor ``__future__`` features (submodules are in
``_chainer_modules.txt``). A module that does not import
in the reference environment (CuPy, MPI, ChainerX parts) is left out: a
missing name there keeps the generic message.
"""
import __future__
import importlib
import json
import os
import sys
import types
import warnings

import chainer  # the real Chainer 7.8.1

HERE = os.path.dirname(os.path.abspath(__file__))
# submodules, and `from __future__ import ...` features
_NOT_NAMES = (types.ModuleType, __future__._Feature)


def main():
    path = os.path.join(HERE, '..', 'chainerjax', '_chainer_modules.txt')
    with open(path) as f:
        modules = [line.strip() for line in f
                   if line.strip() and not line.startswith('#')]
    out = {'chainer_version': chainer.__version__, 'modules': {}}
    for name in modules:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                module = importlib.import_module(name)
        except Exception:
            continue
        out['modules'][name] = sorted(
            n for n in dir(module) if not n.startswith('_')
            and not isinstance(getattr(module, n, None), _NOT_NAMES))
    json.dump(out, sys.stdout, indent=0, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
