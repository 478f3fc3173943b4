"""Clear errors for Chainer names that chainerjax does not provide (yet).

* A missing attribute of a chainerjax module raises
  :class:`NotImplementedInChainerjax` naming the Chainer name.
* A Chainer module that chainerjax lacks (e.g. ``chainer.training`` before it
  is written) is served, through ``from chainer import training`` or
  ``import chainer.training``, as a placeholder module: importing it works,
  and using any name in it raises :class:`NotImplementedInChainerjax`.
"""
import difflib
import json
import os
import sys
import types


class NotImplementedInChainerjax(AttributeError, NotImplementedError):
    """A Chainer name that chainerjax does not implement.

    It is an ``AttributeError`` (so ``hasattr`` and ``getattr(..., default)``
    keep working) and a ``NotImplementedError``.
    """


_chainer_modules = None


def chainer_module_names():
    """The set of Chainer 7.8.1's module names (``chainer.X.Y``)."""
    global _chainer_modules
    if _chainer_modules is None:
        path = os.path.join(os.path.dirname(__file__), '_chainer_modules.txt')
        with open(path) as f:
            _chainer_modules = frozenset(
                line.strip() for line in f
                if line.strip() and not line.startswith('#'))
    return _chainer_modules


_chainer_names = None


def chainer_public_names(chainer_module):
    """The public names of the Chainer 7.8.1 module ``chainer_module``
    (``chainer.functions``), or None where they are not listed
    (``_chainer_names.json``, written by ``tools/chainer_all_names.py``
    from real Chainer)."""
    global _chainer_names
    if _chainer_names is None:
        path = os.path.join(os.path.dirname(__file__), '_chainer_names.json')
        with open(path) as f:
            _chainer_names = {m: frozenset(names) for m, names in
                              json.load(f)['modules'].items()}
    return _chainer_names.get(chainer_module)


def _chainer_name(module_name):
    return 'chainer' + module_name[len('chainerjax'):]


class PlaceholderModule(types.ModuleType):
    """Stands for a Chainer module that chainerjax does not have yet."""

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        chainer_name = _chainer_name(self.__name__)
        sub = chainer_name + '.' + name
        if sub in chainer_module_names():
            return placeholder(self.__name__ + '.' + name)
        raise NotImplementedInChainerjax(
            '{}.{} is not implemented in chainerjax yet (the module {} is '
            'not available). See docs/api_coverage.md for what is '
            'available.'.format(chainer_name, name, chainer_name))


def placeholder(module_name):
    """Returns (and registers) the placeholder module for ``module_name``."""
    mod = sys.modules.get(module_name)
    if mod is None:
        mod = PlaceholderModule(module_name)
        mod.__doc__ = ('Placeholder: {} is not implemented in chainerjax '
                       'yet.'.format(_chainer_name(module_name)))
        mod.__path__ = []
        mod._chainerjax_placeholder = True
        sys.modules[module_name] = mod
    return mod


def is_placeholder(module):
    return getattr(module, '_chainerjax_placeholder', False)


def module_getattr(module_name):
    """Returns a module-level ``__getattr__`` that raises a clear error (or
    gives a placeholder for a Chainer submodule chainerjax lacks)."""
    chainer_name = _chainer_name(module_name)

    def __getattr__(name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(
                'module {!r} has no attribute {!r}'.format(module_name, name))
        if chainer_name + '.' + name in chainer_module_names():
            import importlib
            try:
                return importlib.import_module(module_name + '.' + name)
            except ModuleNotFoundError as e:
                if e.name != module_name + '.' + name:
                    raise
                return placeholder(module_name + '.' + name)
        known = chainer_public_names(chainer_name)
        if known is not None and name not in known:
            # not a Chainer name either: a typo, or code for another
            # version
            close = difflib.get_close_matches(name, sorted(known), n=3)
            raise AttributeError(
                'module {!r} has no attribute {!r}, nor has Chainer 7.8.1\'s '
                '{}{}'.format(module_name, name, chainer_name,
                              ' (did you mean {}?)'.format(
                                  ', '.join(close)) if close else ''))
        raise NotImplementedInChainerjax(
            '{}.{} is not implemented in chainerjax yet (module {} has no '
            'attribute {!r}). See docs/api_coverage.md for what is '
            'available.'.format(chainer_name, name, module_name, name))
    return __getattr__
