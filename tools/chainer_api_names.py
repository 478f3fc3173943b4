"""Lists Chainer 7.8.1's public names per module (run with real Chainer).

Usage (reference environment only)::

    python tools/chainer_api_names.py > tools/chainer_api_names.json

The output is the denominator of docs/api_coverage.md.
"""
import inspect
import json
import sys
import types

import chainer  # the real Chainer 7.8.1

MODULES = [
    'chainer', 'chainer.functions', 'chainer.links', 'chainer.initializers',
    'chainer.optimizers', 'chainer.optimizer_hooks', 'chainer.serializers',
    'chainer.dataset', 'chainer.datasets', 'chainer.iterators',
    'chainer.training', 'chainer.training.extensions',
    'chainer.training.triggers', 'chainer.training.updaters',
    'chainer.function_hooks', 'chainer.link_hooks', 'chainer.backend',
    'chainer.backends.cuda', 'chainer.testing', 'chainer.gradient_check',
    'chainer.utils.type_check', 'chainer.distributions',
]


def public_names(module):
    names = []
    for name in dir(module):
        if name.startswith('_'):
            continue
        value = getattr(module, name)
        if isinstance(value, types.ModuleType):
            continue
        mod = getattr(value, '__module__', None) or ''
        if not (inspect.isclass(value) or callable(value)) and \
                not mod.startswith('chainer'):
            continue
        if mod and not mod.startswith('chainer'):
            continue
        names.append(name)
    return sorted(names)


def main():
    import importlib
    out = {'chainer_version': chainer.__version__, 'modules': {}}
    for m in MODULES:
        out['modules'][m] = public_names(importlib.import_module(m))
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
