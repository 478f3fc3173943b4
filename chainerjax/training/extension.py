"""Trainer extensions (``chainer.training.Extension``, ``make_extension``).

An extension is a callable ``extension(trainer)`` invoked when its trigger
fires. Extensions with a higher priority run first within an iteration:
writers (which add to the observation), then editors, then readers.
"""
from chainerjax.training import util

PRIORITY_WRITER = 300
PRIORITY_EDITOR = 200
PRIORITY_READER = 100

_REMOVED_INVOKE = ('invoke_before_training has been removed since Chainer '
                   'v2.0.0. Use initializer= instead.')


class Extension(object):
    """Base class of trainer extensions.

    Attributes:
        trigger: the default trigger (``(1, 'iteration')``).
        priority (int): the default priority (``PRIORITY_READER``).
        name (str): the name given by ``Trainer.extend``.
    """

    trigger = 1, 'iteration'
    priority = PRIORITY_READER
    name = None

    @property
    def default_name(self):
        """The name used when none is given: the class name."""
        return type(self).__name__

    def __call__(self, trainer):
        """Runs the extension (when its trigger fires)."""
        raise NotImplementedError(
            'Extension implementation must override __call__.')

    def __getattr__(self, name):
        if name == 'invoke_before_training':
            raise AttributeError(
                'invoke_before_training has been removed since Chainer '
                'v2.0.0. Use Extension.initialize instead.')
        raise AttributeError('{} object has no attribute {}'.format(
            type(self).__name__, name))

    def finalize(self):
        """Called once when training ends (also after an error)."""

    def initialize(self, trainer):
        """Called once before the training loop (also on resume)."""

    def on_error(self, trainer, exc, tb):
        """Called when the training loop raises ``exc``."""

    def serialize(self, serializer):
        """Saves or loads the extension's state (no-op by default)."""


def make_extension(trigger=None, default_name=None, priority=None,
                   finalizer=None, initializer=None, on_error=None,
                   **kwargs):
    """Decorator that sets extension attributes on a function.

    Args:
        trigger: the default trigger (``(1, 'iteration')`` if None).
        default_name (str): the default name (the function's name if None).
        priority (int): the default priority (``PRIORITY_READER`` if None).
        finalizer: called with no argument when training ends.
        initializer: called with the trainer before the loop.
        on_error: called as ``on_error(trainer, exc, tb)`` on errors.

    Example:
        >>> @make_extension(trigger=(1, 'epoch'))
        ... def print_epoch(trainer):
        ...     print(trainer.updater.epoch)
    """
    util._reject_kwargs('make_extension', kwargs,
                        invoke_before_training=_REMOVED_INVOKE)
    if trigger is None:
        trigger = Extension.trigger
    if priority is None:
        priority = Extension.priority

    def decorator(ext):
        ext.trigger = trigger
        ext.default_name = default_name or ext.__name__
        ext.priority = priority
        ext.finalize = finalizer
        ext.on_error = on_error
        ext.initialize = initializer
        return ext
    return decorator
