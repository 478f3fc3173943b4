"""``chainer.training.extensions.PolynomialShift``."""
from chainerjax.training.extensions import _shift


class PolynomialShift(_shift._ValueShift):
    """Sets an optimizer attribute to
    ``init * max(1 - t / max_count, 0) ** rate``.

    Args:
        attr (str): the attribute.
        rate (float): the exponent.
        max_count (int): the number of calls until the value reaches 0.
        init (float): the initial value (default: the optimizer's value).
        target (float): a limit the value stops at.
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, rate, max_count, init=None, target=None,
                 optimizer=None):
        self._attr = attr
        self._rate = rate
        self._init = init
        self._target = target
        self._optimizer = optimizer
        self._t = 0
        self._max_count = max_count
        self._last_value = None

    def initialize(self, trainer):
        self._start(trainer)

    def __call__(self, trainer):
        self._t += 1
        decay = max(1 - self._t / self._max_count, 0)
        value = self._init * decay ** self._rate
        if self._target is not None:
            if self._rate > 0:
                if self._target / value > 1:
                    value = self._target
            elif self._target / value < 1:
                value = self._target
        self._update_value(self._get_optimizer(trainer), value)
