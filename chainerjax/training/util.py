"""Trigger helpers (``chainer.training.util``)."""
from chainerjax.training.triggers import interval_trigger


def get_trigger(trigger):
    """Turns a trigger specification into a trigger.

    Args:
        trigger: a callable ``trigger(trainer) -> bool`` (returned as it
            is), None (a trigger that never fires) or a ``(period, unit)``
            tuple such as ``(1, 'epoch')`` (an
            :class:`~chainerjax.training.triggers.IntervalTrigger`).
    """
    if callable(trigger):
        return trigger
    if trigger is None:
        return _never_fire_trigger
    return interval_trigger.IntervalTrigger(*trigger)


def _never_fire_trigger(trainer):
    return False


def _reject_kwargs(func_name, kwargs, **removed):
    # Chainer's argument checks: a removed keyword gives ValueError with
    # its message, any other unexpected keyword a TypeError.
    for key, message in removed.items():
        if key in kwargs:
            raise ValueError(message)
    if kwargs:
        raise TypeError('{}() got unexpected keyword argument(s) {}'.format(
            func_name, ', '.join(repr(k) for k in sorted(kwargs))))
