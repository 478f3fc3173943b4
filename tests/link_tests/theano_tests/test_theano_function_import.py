"""TheanoFunction's errors when theano is missing or cannot be imported
(these tests need no theano)."""
import importlib.abc
import inspect
import sys

import pytest

import chainerjax.functions.theano.theano_function as function_module
import chainerjax.links as L
from chainerjax.links.theano import theano_function as link_module


def test_module_paths():
    assert L.TheanoFunction is link_module.TheanoFunction
    assert callable(function_module.theano_function)
    assert issubclass(function_module.TheanoFunction,
                      function_module.function.Function)


def test_signatures():
    assert list(inspect.signature(L.TheanoFunction).parameters) == [
        'inputs', 'outputs']
    params = inspect.signature(function_module.theano_function).parameters
    assert [(p.name, p.kind) for p in params.values()] == [
        ('forward_func', inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ('backward_func', inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ('inputs', inspect.Parameter.VAR_POSITIONAL)]


def test_theano_not_installed(monkeypatch):
    # A None entry in sys.modules makes `import theano` raise ImportError.
    monkeypatch.setitem(sys.modules, 'theano', None)
    with pytest.raises(RuntimeError) as e:
        L.TheanoFunction([], [])
    assert 'theano is not installed' in str(e.value)
    assert 'pip install theano' in str(e.value)


class _BrokenTheano(importlib.abc.MetaPathFinder):
    # What `import theano` (1.0.5) does with NumPy 1.24 to 1.26.

    def find_spec(self, name, path, target=None):
        if name == 'theano':
            raise AttributeError("module 'numpy' has no attribute 'bool'")
        return None


def test_theano_cannot_be_imported(monkeypatch):
    monkeypatch.delitem(sys.modules, 'theano', raising=False)
    monkeypatch.setattr(sys, 'meta_path', [_BrokenTheano()] + sys.meta_path)
    with pytest.raises(NotImplementedError) as e:
        L.TheanoFunction([], [])
    message = str(e.value)
    assert "no attribute 'bool'" in message
    assert 'NumPy < 1.24' in message
    assert 'chainerjax.functions' in message
    assert isinstance(e.value.__cause__, AttributeError)
