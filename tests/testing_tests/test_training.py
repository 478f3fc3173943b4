import sys
import types

import pytest

import chainerjax
from chainerjax import testing


class _FakeTrainer(object):
    def __init__(self, updater, stop_trigger, extensions=None):
        self.updater = updater
        self.stop_trigger = stop_trigger
        self.extensions = extensions


@pytest.fixture
def fake_training(monkeypatch):
    module = types.ModuleType('chainerjax.training')
    module.Trainer = _FakeTrainer
    monkeypatch.setitem(sys.modules, 'chainerjax.training', module)
    monkeypatch.setattr(chainerjax, 'training', module, raising=False)
    return module


def test_arguments(fake_training):
    ext = object()
    trainer = testing.get_trainer_with_mock_updater(
        stop_trigger=(3, 'epoch'), extensions=[ext])
    assert isinstance(trainer, _FakeTrainer)
    assert trainer.stop_trigger == (3, 'epoch')
    assert trainer.extensions == [ext]
    assert testing.get_trainer_with_mock_updater().extensions == []


def test_initial_state(fake_training):
    updater = testing.get_trainer_with_mock_updater().updater
    assert updater.iteration == 0
    assert updater.epoch == 0
    assert updater.epoch_detail == 0
    assert updater.is_new_epoch is True
    assert updater.previous_epoch_detail is None
    assert updater.get_all_optimizers() == {}


def test_update_counts(fake_training):
    updater = testing.get_trainer_with_mock_updater(
        iter_per_epoch=3).updater
    seen = []
    for _ in range(7):
        updater.update()
        seen.append((updater.iteration, updater.epoch, updater.epoch_detail,
                     updater.is_new_epoch, updater.previous_epoch_detail))
    assert updater.update_core.call_count == 7
    assert seen == [
        (1, 0, 1 / 3, False, 0.0),
        (2, 0, 2 / 3, False, 1 / 3),
        (3, 1, 1.0, True, 2 / 3),
        (4, 1, 4 / 3, False, 1.0),
        (5, 1, 5 / 3, False, 4 / 3),
        (6, 2, 2.0, True, 5 / 3),
        (7, 2, 7 / 3, False, 2.0),
    ]


def test_with_real_trainer():
    training = pytest.importorskip('chainerjax.training')
    trainer = testing.get_trainer_with_mock_updater((5, 'iteration'))
    assert isinstance(trainer, training.Trainer)
    trainer.run()
    assert trainer.updater.iteration == 5
