"""``observe_value`` and ``observe_lr`` extensions."""
from chainerjax.training import extension


def observe_value(observation_key, target_func):
    """Returns an extension that puts ``target_func(trainer)`` into the
    observation under ``observation_key`` (once per epoch by default).

    Args:
        observation_key (str): the key.
        target_func: ``target_func(trainer) -> value``.
    """
    @extension.make_extension(
        trigger=(1, 'epoch'), priority=extension.PRIORITY_WRITER)
    def _observe_value(trainer):
        trainer.observation[observation_key] = target_func(trainer)
    return _observe_value


def observe_lr(optimizer_name='main', observation_key='lr'):
    """Returns an extension that observes an optimizer's ``lr``.

    Args:
        optimizer_name (str): the optimizer's name in the updater.
        observation_key (str): the key (default ``'lr'``).
    """
    return observe_value(
        observation_key,
        lambda trainer: trainer.updater.get_optimizer(optimizer_name).lr)
