"""``chainer.training.extensions.ExponentialShift``."""
from chainerjax.training.extensions import _shift


class ExponentialShift(_shift._ValueShift):
    """Multiplies an optimizer attribute by ``rate`` at each call:
    ``value = init * rate ** t``.

    Args:
        attr (str): the attribute (``'lr'``, ``'alpha'``...).
        rate (float): the factor (non-negative).
        init (float): the initial value (default: the optimizer's value).
        target (float): a limit the value stops at.
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, rate, init=None, target=None, optimizer=None):
        if rate < 0:
            raise ValueError('ExponentialShift does not support negative rate')
        self._attr = attr
        self._rate = rate
        self._init = init
        self._target = target
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def initialize(self, trainer):
        self._start(trainer)

    def __call__(self, trainer):
        self._t += 1
        value = _shift._clip_to_target(
            self._init * (self._rate ** self._t), self._target,
            self._rate > 1)
        self._update_value(self._get_optimizer(trainer), value)
