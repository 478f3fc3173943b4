"""``chainer.training.extensions.LogReport``."""
import json
import os
import secrets
import warnings

from chainerjax import reporter
from chainerjax import serializer as serializer_module
from chainerjax.training import extension
from chainerjax.training import trigger as trigger_module
from chainerjax.training import util


def _write_json_atomically(directory, name, obj):
    # Write a temporary file beside the target (mode 0o666 & ~umask, like
    # a plain open()), then rename it over the target.
    path = os.path.join(directory, name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    while True:
        tmp = os.path.join(directory, '.{}.{}.tmp'.format(
            os.path.basename(name), secrets.token_hex(6)))
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, 'w') as f:
            json.dump(obj, f, indent=4)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


class LogReport(extension.Extension):
    """Averages the observations over each interval and logs the means.

    Each log entry is a dict of the means (as Python floats) plus
    ``'epoch'``, ``'iteration'`` and ``'elapsed_time'``; the whole log is
    rewritten (atomically) as JSON to ``<trainer.out>/<filename>`` at each
    entry.

    Args:
        keys (list): the observation keys to log (None: all).
        trigger: the logging interval (default ``(1, 'epoch')``).
        postprocess: ``postprocess(entry)`` called on each entry before it
            is appended (it may edit the dict).
        filename (str): the log file name (default ``'log'``), formatted
            with the entry's values; None writes no file. ``log_name`` is
            an alias.
    """

    def __init__(self, keys=None, trigger=(1, 'epoch'), postprocess=None,
                 filename=None, **kwargs):
        log_name = kwargs.pop('log_name', 'log')
        util._reject_kwargs('__init__', kwargs)
        self._keys = keys
        self._trigger = trigger_module.get_trigger(trigger)
        self._postprocess = postprocess
        self._log = []
        self._log_name = log_name if filename is None else filename
        self._init_summary()

    def __call__(self, trainer):
        observation = trainer.observation
        if self._keys is None:
            self._summary.add(observation)
        else:
            self._summary.add({k: observation[k] for k in self._keys
                               if k in observation})

        if not (trainer.is_before_training or self._trigger(trainer)):
            return
        entry = {name: float(value)
                 for name, value in self._summary.compute_mean().items()}
        updater = trainer.updater
        entry['epoch'] = updater.epoch
        entry['iteration'] = updater.iteration
        entry['elapsed_time'] = trainer.elapsed_time
        if self._postprocess is not None:
            self._postprocess(entry)
        self._log.append(entry)
        if self._log_name is not None:
            _write_json_atomically(
                trainer.out, self._log_name.format(**entry), self._log)
        self._init_summary()

    @property
    def log(self):
        """The list of log entries so far."""
        return self._log

    def serialize(self, serializer):
        if hasattr(self._trigger, 'serialize'):
            self._trigger.serialize(serializer['_trigger'])
        try:
            self._summary.serialize(serializer['_summary'])
        except KeyError:
            warnings.warn('The statistics are not saved.')
        if isinstance(serializer, serializer_module.Serializer):
            serializer('_log', json.dumps(self._log))
        else:
            self._log = json.loads(serializer('_log', ''))

    def _init_summary(self):
        self._summary = reporter.DictSummary()
