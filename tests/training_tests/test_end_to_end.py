import io
import json
import os

import numpy
import pytest

import chainerjax
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import serializers
from chainerjax import training
from chainerjax.training import extensions

from tests.training_tests import _models


def _build(out, stop, seed=0):
    dataset = _models.make_data()
    model = _models.make_model(seed)
    optimizer = optimizers.MomentumSGD(lr=0.1)
    optimizer.setup(model)
    numpy.random.seed(100)  # the training iterator's shuffled order
    train_iter = iterators.SerialIterator(dataset, 4)
    valid_iter = iterators.SerialIterator(dataset, 12, repeat=False,
                                          shuffle=False)
    updater = training.updaters.StandardUpdater(train_iter, optimizer)
    trainer = training.Trainer(updater, stop, out=out)
    trainer.extend(extensions.Evaluator(valid_iter, model),
                   trigger=(2, 'iteration'))
    trainer.extend(extensions.LogReport(trigger=(1, 'iteration')))
    printed = io.StringIO()
    trainer.extend(extensions.PrintReport(
        ['epoch', 'iteration', 'main/loss', 'validation/main/loss'],
        out=printed))
    trainer.extend(extensions.snapshot(), trigger=(3, 'iteration'))
    losses = {}

    @training.make_extension(trigger=(1, 'iteration'))
    def record(tr):
        losses[tr.updater.iteration] = float(tr.observation['main/loss'].array)
    trainer.extend(record)
    return trainer, losses, printed


def test_train_log_snapshot_resume(tmp_path):
    out_a = str(tmp_path / 'a')
    trainer, losses, printed = _build(out_a, (12, 'iteration'))
    trainer.run()

    assert sorted(losses) == list(range(1, 13))
    first = numpy.mean([losses[i] for i in range(1, 4)])
    last = numpy.mean([losses[i] for i in range(10, 13)])
    assert last < first

    with open(os.path.join(out_a, 'log')) as f:
        log = json.load(f)
    assert [e['iteration'] for e in log] == list(range(1, 13))
    assert [e['epoch'] for e in log] == [0] * 5 + [1] * 6 + [2]
    assert 'validation/main/loss' in log[1]
    assert 'validation/main/loss' not in log[0]
    assert 'main/accuracy' in log[0]
    numpy.testing.assert_allclose(log[0]['main/loss'], losses[1], rtol=1e-6)

    text = printed.getvalue()
    assert text.startswith('epoch       iteration   main/loss')
    assert text.count('\n') == 13

    assert sorted(n for n in os.listdir(out_a)
                  if n.startswith('snapshot')) == [
        'snapshot_iter_12', 'snapshot_iter_3', 'snapshot_iter_6',
        'snapshot_iter_9']
    assert not [n for n in os.listdir(out_a) if n.startswith(('.', 'tmp'))]

    # Resume from iteration 6 into a differently initialized model.
    out_b = str(tmp_path / 'b')
    trainer2, losses2, printed2 = _build(out_b, (12, 'iteration'), seed=5)
    serializers.load_npz(os.path.join(out_a, 'snapshot_iter_6'), trainer2)
    assert trainer2.updater.iteration == 6
    assert trainer2.updater.epoch == 1
    numpy.random.seed(12345)  # must not matter until the next epoch ends
    trainer2.run()
    assert sorted(losses2) == list(range(7, 13))
    numpy.testing.assert_allclose(
        [losses2[i] for i in range(7, 13)],
        [losses[i] for i in range(7, 13)], rtol=1e-6)
    with open(os.path.join(out_b, 'log')) as f:
        log2 = json.load(f)
    # The restored LogReport continues the log of the first run.
    assert [e['iteration'] for e in log2] == list(range(1, 13))
    for e1, e2 in zip(log, log2):
        assert e1['main/loss'] == e2['main/loss'] or \
            numpy.isclose(e1['main/loss'], e2['main/loss'], rtol=1e-6)

    final_a = trainer.updater.get_optimizer('main').target
    final_b = trainer2.updater.get_optimizer('main').target
    for (n1, p1), (n2, p2) in zip(sorted(final_a.namedparams()),
                                  sorted(final_b.namedparams())):
        assert n1 == n2
        numpy.testing.assert_allclose(p1.array, p2.array, rtol=1e-5,
                                      atol=1e-7)


def test_snapshot_keys_match_chainer_layout(tmp_path):
    trainer, _, _ = _build(str(tmp_path), (1, 'iteration'))
    trainer.run()
    path = str(tmp_path / 'manual')
    serializers.save_npz(path, trainer)
    with numpy.load(path) as f:
        keys = set(f.keys())
    for key in ['updater/iteration', 'updater/iterator:main/epoch',
                'updater/iterator:main/current_position',
                'updater/iterator:main/order',
                'updater/optimizer:main/t', 'updater/optimizer:main/epoch',
                'updater/model:main/predictor/l1/W',
                'extensions/LogReport/_log',
                'extension_triggers/_Snapshot/previous_iteration',
                '_snapshot_elapsed_time']:
        assert key in keys, key


@pytest.mark.filterwarnings('ignore:The previous value')
def test_autoload(tmp_path):
    out = str(tmp_path)
    trainer, losses, _ = _build(out, (3, 'iteration'))
    trainer.run()
    trainer2, losses2, _ = _build(out, (6, 'iteration'), seed=9)
    trainer2.extend(extensions.snapshot(autoload=True),
                    trigger=(3, 'iteration'), name='auto')
    trainer2.run()
    assert sorted(losses2) == [4, 5, 6]


def test_elapsed_time_is_restored(tmp_path):
    trainer, _, _ = _build(str(tmp_path), (3, 'iteration'))
    trainer.run()
    elapsed = trainer.elapsed_time
    assert elapsed > 0
    path = str(tmp_path / 'snapshot_iter_3')
    with numpy.load(path) as f:
        saved = float(f['_snapshot_elapsed_time'])
    assert 0 < saved <= elapsed
    trainer2, _, _ = _build(str(tmp_path / 'x'), (4, 'iteration'))
    serializers.load_npz(path, trainer2)
    trainer2.run()
    assert trainer2.elapsed_time > saved


def test_alias_import():
    assert chainerjax.training.Trainer is training.Trainer
