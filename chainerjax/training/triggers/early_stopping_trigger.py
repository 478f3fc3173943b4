"""``chainer.training.triggers.EarlyStoppingTrigger``."""
import operator
import warnings

from chainerjax import reporter
from chainerjax.training import util


class EarlyStoppingTrigger(object):
    """A stop trigger that fires when a monitored value stops improving.

    Args:
        check_trigger: how often the mean of ``monitor`` is checked.
        monitor (str): the observation key.
        patience (int): checks without improvement before stopping
            (default 3; ``patients`` is an alias).
        mode (str): ``'max'``, ``'min'`` or ``'auto'`` (max if ``monitor``
            contains ``'accuracy'``).
        verbose (bool): print messages.
        max_trigger: stop anyway when this trigger fires.
    """

    def __init__(self, check_trigger=(1, 'epoch'), monitor='main/loss',
                 patience=None, mode='auto', verbose=False,
                 max_trigger=(100, 'epoch'), **kwargs):
        patients = kwargs.pop('patients', None)
        util._reject_kwargs('__init__', kwargs)
        if patients is not None:
            if patience is not None:
                raise TypeError(
                    'Both \'patience\' and \'patients\' arguments are '
                    'specified. \'patients\' is an alias of the former. '
                    'Specify only \'patience\'.')
            patience = patients
        if patience is None:
            patience = 3
        self.count = 0
        self.patience = patience
        self.monitor = monitor
        self.verbose = verbose
        self.already_warning = False
        self._max_trigger = util.get_trigger(max_trigger)
        self._interval_trigger = util.get_trigger(check_trigger)
        self._init_summary()
        if mode == 'max' or (mode not in ('max', 'min')
                             and 'accuracy' in monitor):
            self._compare = operator.gt
            self.best = float('-inf')
            if verbose:
                print('early stopping: operator is greater')
        else:
            self._compare = operator.lt
            self.best = float('inf')
            if verbose:
                print('early stopping: operator is less')

    def __call__(self, trainer):
        """True when training should stop."""
        observation = trainer.observation
        if self.monitor in observation:
            self._summary.add({self.monitor: observation[self.monitor]})
        if self._max_trigger(trainer):
            return True
        if not self._interval_trigger(trainer):
            return False
        if self.monitor not in observation:
            warnings.warn('{} is not in observation'.format(self.monitor))
            return False
        current = self._summary.compute_mean()[self.monitor]
        self._init_summary()
        if self._compare(current, self.best):
            self.best = current
            self.count = 0
        else:
            self.count += 1
        if self._stop_condition():
            if self.verbose:
                print('Epoch {}: early stopping'.format(
                    trainer.updater.epoch))
            return True
        return False

    def _stop_condition(self):
        return self.count >= self.patience

    def _init_summary(self):
        self._summary = reporter.DictSummary()

    def get_training_length(self):
        return self._max_trigger.get_training_length()
