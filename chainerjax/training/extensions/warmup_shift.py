"""``chainer.training.extensions.WarmupShift``."""
from chainerjax.training import extension


class WarmupShift(extension.Extension):
    """Moves an optimizer attribute linearly from ``warmup_start`` to
    ``init`` over the first ``warmup_iter`` calls.

    Args:
        attr (str): the attribute.
        warmup_start (float): the first value (None: the optimizer's).
        warmup_iter (int): the length of the warm-up, in calls.
        init (float): the value reached after the warm-up.
        optimizer: the optimizer (default: the updater's ``'main'``).
    """

    def __init__(self, attr, warmup_start, warmup_iter, init,
                 optimizer=None):
        self._attr = attr
        self._warmup_start = warmup_start
        self._warmup_iter = warmup_iter
        self._init = init
        self._optimizer = optimizer
        self._t = 0

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._warmup_start is None:
            self._warmup_start = getattr(optimizer, self._attr)
        else:
            setattr(optimizer, self._attr, self._warmup_start)

    def __call__(self, trainer):
        self._t += 1
        if self._t <= self._warmup_iter:
            value = (self._t * self._init + (self._warmup_iter - self._t)
                     * self._warmup_start) / self._warmup_iter
            setattr(self._get_optimizer(trainer), self._attr, value)

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
