"""A trainer with a fake updater (``chainer.testing.training``)."""

import unittest.mock


def is_available():
    """Tells whether :func:`get_trainer_with_mock_updater` can be used.

    Returns:
        bool: Always ``True`` (``unittest.mock`` is in the standard library).
    """
    return True


def check_available():
    """Does nothing: the mock library is always available."""


def get_error():
    """Returns ``None``: nothing failed to import."""
    return None


def get_trainer_with_mock_updater(
        stop_trigger=(10, 'iteration'), iter_per_epoch=10, extensions=None):
    """Returns a ``Trainer`` whose updater is a mock.

    Each ``updater.update()`` calls ``updater.update_core()`` (a mock) and
    advances ``iteration``, ``epoch``, ``epoch_detail``, ``is_new_epoch``
    and ``previous_epoch_detail`` as a real updater over ``iter_per_epoch``
    iterations per epoch would, so triggers and extensions can be tested
    without a model.

    Args:
        stop_trigger: Stop trigger of the trainer.
        iter_per_epoch (int): Iterations per epoch.
        extensions (list): Extensions registered to the trainer.

    Returns:
        ~chainerjax.training.Trainer: The trainer.
    """
    from chainerjax import training

    if extensions is None:
        extensions = []
    updater = unittest.mock.Mock()
    updater.get_all_optimizers.return_value = {}
    updater.iteration = 0
    updater.epoch = 0
    updater.epoch_detail = 0
    updater.is_new_epoch = True
    updater.previous_epoch_detail = None

    def update():
        updater.update_core()
        it = updater.iteration = updater.iteration + 1
        updater.epoch = it // iter_per_epoch
        updater.epoch_detail = it / iter_per_epoch
        updater.is_new_epoch = (it - 1) // iter_per_epoch != updater.epoch
        updater.previous_epoch_detail = (it - 1) / iter_per_epoch

    updater.update = update
    return training.Trainer(updater, stop_trigger, extensions=extensions)
