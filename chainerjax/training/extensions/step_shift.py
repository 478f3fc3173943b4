"""``chainer.training.extensions.StepShift``."""
import numpy

from chainerjax.training.extensions import _shift


class StepShift(_shift._ValueShift):
    """Multiplies an optimizer attribute by ``gamma`` every ``step`` calls:
    ``value = init * gamma ** floor(t / step)``.

    Args:
        attr (str): the attribute.
        gamma (float): the factor.
        step (int): calls between changes.
        init (float): the initial value (default: the optimizer's value).
        target (float): a limit the value stops at.
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, gamma, step, init=None, target=None,
                 optimizer=None):
        self._attr = attr
        self._gamma = gamma
        self._step = step
        self._init = init
        self._target = target
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def initialize(self, trainer):
        self._start(trainer)

    def __call__(self, trainer):
        self._t += 1
        value = self._init * self._gamma ** numpy.floor(self._t / self._step)
        value = _shift._clip_to_target(value, self._target, self._gamma > 1)
        self._update_value(self._get_optimizer(trainer), value)
