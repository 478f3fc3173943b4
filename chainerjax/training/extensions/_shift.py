"""What the ``*Shift`` extensions share: the optimizer lookup, setting the
attribute, and saving ``_t`` and ``_last_value``."""
import numpy

from chainerjax.training import extension


class _ValueShift(extension.Extension):

    _optimizer = None
    _t = 0
    _last_value = None

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def _update_value(self, optimizer, value):
        setattr(optimizer, self._attr, value)
        self._last_value = value

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
        self._last_value = serializer('_last_value', self._last_value)
        if isinstance(self._last_value, numpy.ndarray):
            self._last_value = self._last_value.item()

    def _start(self, trainer):
        # initialize(): take ``init`` from the optimizer if not given; set
        # the resumed value, or ``init``.
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        if self._last_value is not None:
            self._update_value(optimizer, self._last_value)
        else:
            self._update_value(optimizer, self._init)


def _clip_to_target(value, target, increasing):
    # Stops a schedule at ``target`` (from below if increasing).
    if target is None:
        return value
    if increasing:
        return target if value / target > 1 else value
    return target if value / target < 1 else value
