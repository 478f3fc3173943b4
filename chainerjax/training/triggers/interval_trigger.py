"""``chainer.training.triggers.IntervalTrigger``."""
import warnings


def _check_unit(unit):
    if unit not in ('epoch', 'iteration'):
        raise ValueError(
            'Trigger unit must be either \'epoch\' or \'iteration\'.')


class IntervalTrigger(object):
    """Fires every ``period`` iterations or epochs.

    With ``unit='epoch'`` it fires when the epoch count (as a float) crosses
    a multiple of ``period``, so fractional periods (``(0.5, 'epoch')``)
    work.

    Args:
        period (int or float): the interval.
        unit (str): ``'iteration'`` or ``'epoch'``.
    """

    def __init__(self, period, unit):
        _check_unit(unit)
        self.period = period
        self.unit = unit
        self._previous_iteration = 0
        self._previous_epoch_detail = 0.
        self.count = 0

    def __call__(self, trainer):
        """True if the trigger fires at this iteration."""
        updater = trainer.updater
        if self.unit == 'epoch':
            epoch_detail = updater.epoch_detail
            previous = self._previous_epoch_detail
            if previous < 0:
                previous = updater.previous_epoch_detail
            self.count = epoch_detail // self.period
            fire = previous // self.period != epoch_detail // self.period
        else:
            iteration = updater.iteration
            previous = self._previous_iteration
            if previous < 0:
                previous = iteration - 1
            fire = previous // self.period != iteration // self.period
        self._previous_iteration = updater.iteration
        if hasattr(updater, 'epoch_detail'):
            self._previous_epoch_detail = updater.epoch_detail
        return fire

    def serialize(self, serializer):
        try:
            self._previous_iteration = serializer(
                'previous_iteration', self._previous_iteration)
        except KeyError:
            warnings.warn(
                'The previous value of iteration is not saved. '
                'IntervalTrigger guesses it using current iteration. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.')
            self._previous_iteration = -1
        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            warnings.warn(
                'The previous value of epoch_detail is not saved. '
                'IntervalTrigger uses the value of '
                'trainer.updater.previous_epoch_detail. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.')
            self._previous_epoch_detail = -1.

    def get_training_length(self):
        """Returns ``(period, unit)`` (used by ProgressBar)."""
        return (self.period, self.unit)

    def __str__(self):
        return '{}({}, \'{}\')'.format(
            type(self).__name__, self.period, self.unit)
