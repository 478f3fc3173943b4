"""``chainer.training.extensions.LinearShift``."""
from chainerjax.training.extensions import _shift


class LinearShift(_shift._ValueShift):
    """Moves an optimizer attribute linearly from ``v1`` to ``v2`` between
    calls ``t1`` and ``t2`` (constant outside).

    Args:
        attr (str): the attribute.
        value_range (tuple): ``(v1, v2)``.
        time_range (tuple): ``(t1, t2)``, in calls of the extension.
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, value_range, time_range, optimizer=None):
        self._attr = attr
        self._value_range = value_range
        self._time_range = time_range
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def initialize(self, trainer):
        value = self._last_value
        if value is None:
            value = self._compute_next_value()
        self._update_value(self._get_optimizer(trainer), value)

    def __call__(self, trainer):
        self._t += 1
        self._update_value(self._get_optimizer(trainer),
                           self._compute_next_value())

    def _compute_next_value(self):
        t1, t2 = self._time_range
        v1, v2 = self._value_range
        if self._t <= t1:
            return v1
        if self._t >= t2:
            return v2
        return v1 + (self._t - t1) / (t2 - t1) * (v2 - v1)
