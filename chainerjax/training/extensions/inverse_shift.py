"""``chainer.training.extensions.InverseShift``."""
from chainerjax.training.extensions import _shift


class InverseShift(_shift._ValueShift):
    """Sets an optimizer attribute to ``init * (1 + gamma * t) ** -power``.

    Args:
        attr (str): the attribute.
        gamma (float): non-negative.
        power (float): the exponent.
        init (float): the initial value (default: the optimizer's value).
        target (float): a limit the value stops at.
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, gamma, power, init=None, target=None,
                 optimizer=None):
        if gamma < 0:
            raise ValueError('InverseShift does not support negative gamma')
        self._attr = attr
        self._gamma = gamma
        self._power = power
        self._init = init
        self._target = target
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def initialize(self, trainer):
        self._start(trainer)

    def __call__(self, trainer):
        self._t += 1
        value = self._init * (1 + self._gamma * self._t) ** (-self._power)
        value = _shift._clip_to_target(value, self._target, self._power < 0)
        self._update_value(self._get_optimizer(trainer), value)
