"""``chainer.training.extensions.MultistepShift``."""
from chainerjax.training import extension


class MultistepShift(extension.Extension):
    """Multiplies an optimizer attribute by ``gamma`` at each of the call
    counts in ``step_value``: ``value = init * gamma ** k``.

    Args:
        attr (str): the attribute.
        gamma (float): the factor.
        step_value (list of int): the call counts of the changes.
        init (float): the initial value (None: the optimizer's value).
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, gamma, step_value, init, optimizer=None):
        self._attr = attr
        self._gamma = gamma
        self._step_value = step_value
        self._init = init
        self._optimizer = optimizer
        self._stepvalue_size = len(step_value)
        self._current_step = 0
        self._t = 0

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        else:
            setattr(optimizer, self._attr, self._init)

    def __call__(self, trainer):
        self._t += 1
        if (self._current_step < self._stepvalue_size and
                self._t >= self._step_value[self._current_step]):
            self._current_step += 1
        setattr(self._get_optimizer(trainer), self._attr,
                self._init * pow(self._gamma, self._current_step))

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
        self._current_step = serializer('_current_step', self._current_step)
