"""Makes ``import chainer...`` resolve to chainerjax.

Import this module first in a Chainer program::

    import chainerjax.alias  # noqa: F401
    import chainer
    import chainer.functions as F

After it, ``chainer`` and every ``chainer.X.Y`` name the chainerjax modules
(the same module objects, so ``chainer.functions is chainerjax.functions``),
``chainerx`` is a stub whose ``is_available()`` is False, and a Chainer module
that chainerjax lacks raises ``ModuleNotFoundError`` saying so.
"""
import importlib
import importlib.abc
import importlib.machinery
import sys
import types

from chainerjax import _missing

_ALIASES = {'chainer': 'chainerjax'}


def _target_name(fullname):
    for alias, real in _ALIASES.items():
        if fullname == alias or fullname.startswith(alias + '.'):
            return real + fullname[len(alias):]
    return None


class _AliasLoader(importlib.abc.Loader):

    def __init__(self, module):
        self._module = module
        self._spec = getattr(module, '__spec__', None)

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        # importlib has set __spec__ to the alias spec; the module keeps its
        # own identity (pickling, reload and tracebacks use it).
        if self._spec is not None:
            module.__spec__ = self._spec


class ChainerAliasFinder(importlib.abc.MetaPathFinder):
    """Meta path finder that serves chainerjax modules under Chainer names."""

    def find_spec(self, fullname, path, target=None):
        real = _target_name(fullname)
        if real is None:
            return None
        try:
            module = importlib.import_module(real)
        except ModuleNotFoundError as e:
            if e.name is None or not (e.name == real or
                                      real.startswith(e.name + '.')):
                raise
            if fullname in _missing.chainer_module_names():
                # A Chainer module chainerjax lacks: importable, and any
                # use of its names says what is missing.
                module = _missing.placeholder(real)
            else:
                raise ModuleNotFoundError(
                    'No module named {!r} (neither Chainer 7.8.1 nor '
                    'chainerjax has it)'.format(fullname),
                    name=fullname) from None
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(module),
            is_package=hasattr(module, '__path__'))


def _make_chainerx_stub():
    mod = types.ModuleType('chainerx')
    mod.__doc__ = ('Stub of ChainerX for chainerjax: ChainerX is not '
                   'available; JAX devices replace it.')

    def is_available():
        return False

    class ndarray(object):
        """Placeholder type: no ChainerX array exists in chainerjax."""

        def __init__(self, *args, **kwargs):
            raise RuntimeError('ChainerX is not available in chainerjax.')

    mod.is_available = is_available
    mod.ndarray = ndarray

    def __getattr__(name):
        if name.startswith('__'):
            raise AttributeError(name)
        raise RuntimeError(
            'chainerx.{} is not available: chainerjax does not provide '
            'ChainerX; use JAX devices (\'@jax:cpu:0\', \'@jax:gpu:0\') '
            'instead.'.format(name))
    mod.__getattr__ = __getattr__
    return mod


def install():
    """Installs the alias (idempotent)."""
    if not any(isinstance(f, ChainerAliasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, ChainerAliasFinder())
    if 'chainerx' not in sys.modules:
        sys.modules['chainerx'] = _make_chainerx_stub()
    existing = sys.modules.get('chainer')
    if existing is not None and not getattr(existing, '__name__', '') \
            .startswith('chainerjax'):
        raise ImportError(
            'The real chainer package was imported before chainerjax.alias; '
            'import chainerjax.alias first (or run the script with '
            '`python -m chainerjax script.py`).')


def uninstall():
    """Removes the alias and the aliased entries of ``sys.modules``."""
    sys.meta_path[:] = [f for f in sys.meta_path
                        if not isinstance(f, ChainerAliasFinder)]
    for name in list(sys.modules):
        if _target_name(name) is not None:
            del sys.modules[name]
    stub = sys.modules.get('chainerx')
    if stub is not None and getattr(stub, '__doc__', '').startswith(
            'Stub of ChainerX for chainerjax'):
        del sys.modules['chainerx']


install()
