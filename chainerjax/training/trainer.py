"""``chainer.training.Trainer``: the training loop."""
import collections
import os
import sys
import time
import traceback

from chainerjax import reporter as reporter_module
from chainerjax import serializer as serializer_module
from chainerjax.training import extension as extension_module
from chainerjax.training import trigger as trigger_module
from chainerjax.training import util

_get_time = time.perf_counter


class _ExtensionEntry(object):

    def __init__(self, extension, priority, trigger, call_before_training):
        self.extension = extension
        self.trigger = trigger
        self.priority = priority
        self.call_before_training = call_before_training


class Trainer(object):
    """Runs ``updater.update()`` until ``stop_trigger`` fires, calling the
    extensions whose triggers fire after each update.

    Each iteration runs inside ``reporter.scope(trainer.observation)``, so
    values reported during the update (``'main/loss'``) and by extensions
    are in :attr:`observation` when the extensions run. The optimizers'
    target links are registered as observers under the optimizers' names
    (``'main'``), their sublinks as ``'main/<path>'``.

    Args:
        updater: the :class:`~chainerjax.training.Updater`.
        stop_trigger: when to stop: a trigger or ``(length, unit)``, e.g.
            ``(20, 'epoch')``; None never stops.
        out (str): the output directory (created by :meth:`run`).
        extensions (list): extensions to register with their defaults.

    Example:
        >>> trainer = training.Trainer(updater, (10, 'epoch'), out='result')
        >>> trainer.extend(extensions.LogReport())
        >>> trainer.run()

    Attributes:
        updater, stop_trigger, out, observation (dict), reporter.
    """

    def __init__(self, updater, stop_trigger=None, out='result',
                 extensions=None):
        self.updater = updater
        self.stop_trigger = trigger_module.get_trigger(stop_trigger)
        self.observation = {}
        self.out = out
        if extensions is None:
            extensions = []

        reporter = reporter_module.Reporter()
        for name, optimizer in updater.get_all_optimizers().items():
            reporter.add_observer(name, optimizer.target)
            reporter.add_observers(
                name, optimizer.target.namedlinks(skipself=True))
        self.reporter = reporter

        self._done = False
        self._extensions = collections.OrderedDict()
        self._start_at = None
        self._snapshot_elapsed_time = 0.0
        self._final_elapsed_time = None

        updater.connect_trainer(self)
        for ext in extensions:
            self.extend(ext)

    @property
    def is_before_training(self):
        """True before the first update (iteration 0)."""
        return self.updater.iteration == 0

    @property
    def elapsed_time(self):
        """Seconds of training so far, including the time before a resumed
        snapshot was taken."""
        if self._done:
            return self._final_elapsed_time
        if self._start_at is None:
            raise RuntimeError('training has not been started yet')
        return _get_time() - self._start_at + self._snapshot_elapsed_time

    def extend(self, extension, name=None, trigger=None, priority=None, *,
               call_before_training=False, **kwargs):
        """Registers an extension.

        Args:
            extension: the extension (a callable taking the trainer).
            name (str): its name; default: ``extension.name``,
                ``extension.default_name`` or its ``__name__``. A number is
                appended to make it unique (``'LogReport_1'``).
            trigger: when to call it; default: ``extension.trigger`` or
                ``(1, 'iteration')``.
            priority (int): default ``extension.priority`` or
                ``PRIORITY_READER``.
            call_before_training (bool): also call it once before the
                first update.
        """
        util._reject_kwargs(
            'extend', kwargs,
            invoke_before_training='invoke_before_training has been removed '
            'since Chainer v2.0.0. Use initializer= instead.')
        if name is None:
            name = getattr(extension, 'name', None)
            if name is None:
                name = getattr(extension, 'default_name', None)
                if name is None:
                    name = getattr(extension, '__name__', None)
                    if name is None:
                        raise TypeError('name is not given for the extension')
        if name == 'training':
            raise ValueError(
                'the name "training" is prohibited as an extension name')
        if trigger is None:
            trigger = getattr(extension, 'trigger', (1, 'iteration'))
        trigger = trigger_module.get_trigger(trigger)
        if priority is None:
            priority = getattr(
                extension, 'priority', extension_module.PRIORITY_READER)

        unique_name = name
        ordinal = 0
        while unique_name in self._extensions:
            ordinal += 1
            unique_name = '%s_%d' % (name, ordinal)
        extension.name = unique_name
        self._extensions[unique_name] = _ExtensionEntry(
            extension, priority, trigger, call_before_training)

    def get_extension(self, name):
        """Returns the extension registered under ``name`` (ValueError if
        there is none)."""
        if name in self._extensions:
            return self._extensions[name].extension
        raise ValueError('extension %s not found' % name)

    def run(self, show_loop_exception_msg=True):
        """Runs the training loop until the stop trigger fires.

        Extensions' ``initialize`` run first (after a resume too), then
        ``call_before_training`` extensions if no update was done yet. On
        an exception the extensions' ``on_error`` handlers run; in all cases
        ``finalize`` is called on the extensions and the updater.

        Args:
            show_loop_exception_msg (bool): print the exception and its
                traceback to stderr before finalizing.
        """
        if self._done:
            raise RuntimeError('cannot run training loop multiple times')
        os.makedirs(self.out, exist_ok=True)

        names = sorted(self._extensions,
                       key=lambda n: self._extensions[n].priority,
                       reverse=True)
        extensions = [(n, self._extensions[n]) for n in names]

        self._start_at = _get_time()
        for _, entry in extensions:
            initializer = getattr(entry.extension, 'initialize', None)
            finished = getattr(entry.trigger, 'finished', False)
            if initializer and not finished:
                initializer(self)

        update = self.updater.update
        reporter = self.reporter
        stop_trigger = self.stop_trigger

        if self.is_before_training:
            self.observation = {}
            with reporter.scope(self.observation):
                for _, entry in extensions:
                    if entry.call_before_training:
                        entry.extension(self)

        try:
            while not stop_trigger(self):
                self.observation = {}
                with reporter.scope(self.observation):
                    update()
                    for _, entry in extensions:
                        if entry.trigger(self):
                            entry.extension(self)
        except Exception as e:
            err = sys.stderr
            if show_loop_exception_msg:
                err.write('Exception in main training loop: {}\n'.format(e))
                err.write('Traceback (most recent call last):\n')
                traceback.print_tb(sys.exc_info()[2])
                err.write('Will finalize trainer extensions and updater '
                          'before reraising the exception.\n')
            tb = e.__traceback__
            for _, entry in extensions:
                handler = getattr(entry.extension, 'on_error', None)
                if handler:
                    try:
                        handler(self, e, tb)
                    except Exception as he:
                        err.write('Exception in error handler: {}\n'.format(
                            he))
                        err.write('Traceback (most recent call last):\n')
                        traceback.print_tb(sys.exc_info()[2])
            raise
        finally:
            for _, entry in extensions:
                finalize = getattr(entry.extension, 'finalize', None)
                if finalize:
                    finalize()
            self.updater.finalize()

        self._final_elapsed_time = self.elapsed_time
        self._done = True

    def serialize(self, serializer):
        """Saves or loads the updater (iterators, optimizers, models,
        iteration), the stop trigger, the extensions and their triggers,
        and the elapsed time, under Chainer's keys."""
        self.updater.serialize(serializer['updater'])
        if hasattr(self.stop_trigger, 'serialize'):
            self.stop_trigger.serialize(serializer['stop_trigger'])
        s = serializer['extensions']
        t = serializer['extension_triggers']
        for name, entry in self._extensions.items():
            if hasattr(entry.extension, 'serialize'):
                entry.extension.serialize(s[name])
            if hasattr(entry.trigger, 'serialize'):
                entry.trigger.serialize(t[name])
        if isinstance(serializer, serializer_module.Serializer):
            serializer('_snapshot_elapsed_time', self.elapsed_time)
        else:
            self._snapshot_elapsed_time = serializer(
                '_snapshot_elapsed_time', 0.0)
