"""``chainer.training.triggers.TimeTrigger``."""


class TimeTrigger(object):
    """Fires every ``period`` seconds of training time
    (``trainer.elapsed_time``).

    Args:
        period (float): seconds between firings.
    """

    def __init__(self, period):
        self._period = period
        self._next_time = self._period

    def __call__(self, trainer):
        if self._next_time < trainer.elapsed_time:
            self._next_time += self._period
            return True
        return False

    def serialize(self, serializer):
        self._next_time = serializer('next_time', self._next_time)
