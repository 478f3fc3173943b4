"""``chainer.training.triggers.ManualScheduleTrigger``."""
import warnings

from chainerjax.training.triggers.interval_trigger import _check_unit


class ManualScheduleTrigger(object):
    """Fires at the given iterations or epochs.

    Args:
        points (int, float or list): the points (e.g. ``[10, 20]``).
        unit (str): ``'iteration'`` or ``'epoch'``.

    Attributes:
        finished (bool): True once the last point has passed.
    """

    def __init__(self, points, unit):
        _check_unit(unit)
        self.points = points if isinstance(points, list) else [points]
        self.unit = unit
        self.finished = False
        self._previous_iteration = 0
        self._previous_epoch_detail = 0.

    def __call__(self, trainer):
        """True if a point lies in ``(previous, current]``."""
        updater = trainer.updater
        if self.unit == 'epoch':
            current = updater.epoch_detail
            previous = self._previous_epoch_detail
            if previous < 0:
                previous = updater.previous_epoch_detail
        else:
            current = updater.iteration
            previous = self._previous_iteration
            if previous < 0:
                previous = current - 1
        fire = any(previous < p <= current for p in self.points)
        last = max(self.points)
        if getattr(self, '_finished_is_tmp', False):
            # Resumed from a snapshot without the flag: recompute it.
            del self._finished_is_tmp
            if current >= last:
                self.finished = True
        if fire and current >= last:
            self.finished = True
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
                'ManualScheduleTrigger guesses it using current iteration. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.')
            self._previous_iteration = -1
        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            warnings.warn(
                'The previous value of epoch_detail is not saved. '
                'ManualScheduleTrigger uses the value of '
                'trainer.updater.previous_epoch_detail. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.')
            self._previous_epoch_detail = -1.
        try:
            self.finished = serializer('finished', self.finished)
        except KeyError:
            warnings.warn(
                'The flag of finished is not saved. '
                'ManualScheduleTrigger set the flag to `False` to force '
                'initialization and reset in next `__call__`.')
            self.finished = False
            self._finished_is_tmp = True
