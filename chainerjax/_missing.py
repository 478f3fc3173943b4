"""The error for Chainer names that chainerjax does not provide (yet)."""


class NotImplementedInChainerjax(AttributeError, NotImplementedError):
    """A Chainer name that chainerjax does not implement.

    It is an ``AttributeError`` (so ``hasattr`` and ``getattr(..., default)``
    keep working) and a ``NotImplementedError``.
    """


def module_getattr(module_name):
    """Returns a module-level ``__getattr__`` that raises a clear error."""
    chainer_name = 'chainer' + module_name[len('chainerjax'):]

    def __getattr__(name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(
                'module {!r} has no attribute {!r}'.format(module_name, name))
        raise NotImplementedInChainerjax(
            '{}.{} is not implemented in chainerjax yet (module {} has no '
            'attribute {!r}). See docs/api_coverage.md for what is '
            'available.'.format(chainer_name, name, module_name, name))
    return __getattr__
