import io

import pytest

from chainerjax import testing
from chainerjax import training
from chainerjax.serializers import npz
from chainerjax.training import triggers


def _fires(trigger, n, iter_per_epoch=5, observations=None):
    trainer = testing.training.get_trainer_with_mock_updater(
        stop_trigger=None, iter_per_epoch=iter_per_epoch)
    fired = []
    for i in range(n):
        trainer.updater.update()
        trainer.observation = observations[i] if observations else {}
        fired.append(bool(trigger(trainer)))
    return fired, trainer


def test_get_trigger():
    t = training.get_trigger((3, 'epoch'))
    assert isinstance(t, triggers.IntervalTrigger)
    assert (t.period, t.unit) == (3, 'epoch')
    assert training.get_trigger(None)(None) is False
    f = lambda trainer: True  # NOQA
    assert training.get_trigger(f) is f


def test_interval_iteration():
    fired, _ = _fires(triggers.IntervalTrigger(2, 'iteration'), 6)
    assert fired == [False, True, False, True, False, True]


def test_interval_epoch_fractional():
    fired, _ = _fires(triggers.IntervalTrigger(0.5, 'epoch'), 10,
                      iter_per_epoch=4)
    assert fired == [False, True, False, True] * 2 + [False, True]


def test_interval_bad_unit():
    with pytest.raises(ValueError):
        triggers.IntervalTrigger(1, 'second')
    assert str(triggers.IntervalTrigger(2, 'epoch')) == \
        "IntervalTrigger(2, 'epoch')"
    assert triggers.IntervalTrigger(2, 'epoch').get_training_length() == \
        (2, 'epoch')


def test_interval_serialize():
    trigger = triggers.IntervalTrigger(3, 'iteration')
    fired, trainer = _fires(trigger, 2)
    state = npz.serialize(trigger)
    assert set(state) == {'previous_iteration', 'previous_epoch_detail'}
    t2 = triggers.IntervalTrigger(3, 'iteration')
    t2.serialize(npz.NpzDeserializer(state))
    trainer.updater.update()
    assert t2(trainer)


def test_manual_schedule():
    trigger = triggers.ManualScheduleTrigger([2, 5], 'iteration')
    fired, _ = _fires(trigger, 6)
    assert fired == [False, True, False, False, True, False]
    assert trigger.finished
    trigger = triggers.ManualScheduleTrigger(1.5, 'epoch')
    fired, _ = _fires(trigger, 8, iter_per_epoch=2)
    assert fired == [False, False, True, False, False, False, False, False]


def test_manual_schedule_serialize_missing_finished_warns():
    trigger = triggers.ManualScheduleTrigger([2], 'iteration')
    with pytest.warns(UserWarning):
        trigger.serialize(npz.NpzDeserializer({}))
    fired, _ = _fires(trigger, 3)
    assert trigger.finished


@pytest.mark.parametrize('cls,values,expected', [
    (triggers.MaxValueTrigger, [1, 3, 2, 5],
     [True, True, False, True]),
    (triggers.MinValueTrigger, [3, 1, 2, 0],
     [True, True, False, True]),
])
def test_best_value(cls, values, expected):
    trigger = cls('main/acc', trigger=(2, 'iteration'))
    obs = []
    for v in values:
        obs += [{'main/acc': v}, {'main/acc': v}]
    fired, _ = _fires(trigger, len(obs), observations=obs)
    assert fired[1::2] == expected
    assert not any(fired[0::2])


def test_best_value_serialize_roundtrip():
    trigger = triggers.MaxValueTrigger('a', trigger=(1, 'iteration'))
    _fires(trigger, 1, observations=[{'a': 2.0}])
    f = io.BytesIO()
    npz.save_npz(f, trigger)
    f.seek(0)
    t2 = triggers.MaxValueTrigger('a', trigger=(1, 'iteration'))
    npz.load_npz(f, t2)
    assert float(t2._best_value) == 2.0


def test_early_stopping():
    obs = [{'main/loss': v} for v in [3, 2, 2.5, 2.6, 2.7, 1]]
    trigger = triggers.EarlyStoppingTrigger(
        check_trigger=(1, 'iteration'), patience=2,
        max_trigger=(100, 'iteration'))
    fired, _ = _fires(trigger, 6, observations=obs)
    assert fired == [False, False, False, True, True, False]


def test_early_stopping_accuracy_mode_and_max_trigger():
    trigger = triggers.EarlyStoppingTrigger(
        monitor='main/accuracy', max_trigger=(3, 'iteration'),
        check_trigger=(1, 'iteration'))
    assert trigger._compare(2, 1)
    fired, _ = _fires(trigger, 3, observations=[{'main/accuracy': 1}] * 3)
    assert fired[-1]
    assert trigger.get_training_length() == (3, 'iteration')
    with pytest.raises(TypeError):
        triggers.EarlyStoppingTrigger(patience=1, patients=2)
    assert triggers.EarlyStoppingTrigger(patients=7).patience == 7


def test_once_trigger():
    trigger = triggers.OnceTrigger()
    fired, _ = _fires(trigger, 3)
    assert fired == [True, False, False]
    t2 = triggers.OnceTrigger(call_on_resume=True)
    t2.serialize(npz.NpzDeserializer(npz.serialize(trigger)))
    assert _fires(t2, 2)[0] == [True, False]


def test_time_trigger():
    trigger = triggers.TimeTrigger(1.0)

    class T:
        elapsed_time = 0.5
    assert not trigger(T)
    T.elapsed_time = 1.5
    assert trigger(T)
    assert not trigger(T)
    assert float(npz.serialize(trigger)['next_time']) == 2.0
