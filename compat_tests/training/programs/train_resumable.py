"""A small classifier trained with Chainer's Trainer, resumable.

Written against Chainer 7.8.1's public API only (``import chainer``), so
it runs unmodified under real Chainer and under ``python -m chainerjax``.

Usage::

    python train_resumable.py --out DIR [--stop N] [--snapshot-every N]

Trains a two-layer MLP with Adam on a fixed synthetic data set (64
samples, 8 features, 3 classes; 48 for training, 16 for validation),
batch size 8 (6 iterations per epoch). Extensions: Evaluator every 2
iterations, LogReport every 3, ``snapshot_object`` of the model
triggered by ``MinValueTrigger('validation/main/loss')`` and by
``MaxValueTrigger('validation/main/accuracy')`` (every 6 iterations), so
the triggers' best values and pending summaries are part of the
trainer's state, and ``snapshot(autoload=True)`` every
``--snapshot-every`` iterations.

The training order comes from an order sampler that derives each
epoch's permutation from the previous one (which a snapshot holds), so
that a resumed run continues with the same order as an uninterrupted
one; ``ShuffleOrderSampler`` draws from NumPy's global RNG, whose state
a snapshot does not hold.

Files written to ``--out`` besides the trainer's own (``log``,
``snapshot_iter_N``, ``model_best_loss``, ``model_best_accuracy``):

- ``resumed.json``: at the start of training (after ``autoload``), the
  iteration, epoch and the per-parameter sums of the model, and the
  optimizer's ``t``;
- ``final.npz``: ``save_npz`` of the trainer once training ended.

For the resume tests, two environment variables make the program kill
itself with SIGKILL (no cleanup, no ``finally``):

- ``TRAIN_KILL_AT_ITERATION=N``: after all extensions of iteration N ran;
- ``TRAIN_KILL_IN_SNAPSHOT=N``: while the snapshot of iteration N is
  being written, after half of its file was written (to the writer's
  temporary file; the snapshot's own name never appears).
"""
import argparse
import json
import os
import signal

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions
from chainer.training import triggers


N_TRAIN = 48
N_VALID = 16
N_IN = 8
N_CLASSES = 3


def make_datasets():
    rs = numpy.random.RandomState(1234)
    x = rs.standard_normal((N_TRAIN + N_VALID, N_IN)).astype(numpy.float32)
    w = rs.standard_normal((N_IN, N_CLASSES))
    t = numpy.argmax(x.dot(w) + 0.5 * rs.standard_normal(
        (N_TRAIN + N_VALID, N_CLASSES)), axis=1).astype(numpy.int32)
    train = chainer.datasets.TupleDataset(x[:N_TRAIN], t[:N_TRAIN])
    valid = chainer.datasets.TupleDataset(x[N_TRAIN:], t[N_TRAIN:])
    return train, valid


class MLP(chainer.Chain):

    def __init__(self, n_units, n_out):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(N_IN, n_units)
            self.l2 = L.Linear(n_units, n_out)

    def forward(self, x):
        return self.l2(F.relu(self.l1(x)))


class ChainedShuffle(chainer.iterators.OrderSampler):
    """A permutation seeded by the previous epoch's order."""

    def __call__(self, current_order, current_position):
        n = len(current_order)
        seed = int(numpy.dot(numpy.asarray(current_order, numpy.int64),
                             numpy.arange(1, n + 1))) % (2 ** 31)
        return numpy.random.RandomState(seed).permutation(n)


def param_sums(model):
    return {name: float(numpy.asarray(p.array, numpy.float64).sum())
            for name, p in sorted(model.namedparams())}


def make_savefun(kill_in_snapshot):
    name = 'snapshot_iter_%d' % kill_in_snapshot

    def savefun(path, target):
        chainer.serializers.save_npz(path, target)
        if os.path.basename(path) == name:
            # Simulate a crash in the middle of the write: keep the first
            # half of the file, then die.
            size = os.path.getsize(path)
            with open(path, 'r+b') as f:
                f.truncate(size // 2)
            os.kill(os.getpid(), signal.SIGKILL)
    return savefun


class Watch(training.Extension):
    """Records the state restored by ``autoload`` and kills on demand."""

    trigger = 1, 'iteration'
    priority = -1000  # after the snapshot extensions (-100)

    def __init__(self, model, optimizer, kill_at):
        self.model = model
        self.optimizer = optimizer
        self.kill_at = kill_at

    def initialize(self, trainer):
        record = {'iteration': trainer.updater.iteration,
                  'epoch': trainer.updater.epoch,
                  'epoch_detail': trainer.updater.epoch_detail,
                  'optimizer_t': int(self.optimizer.t),
                  'param_sums': param_sums(self.model)}
        with open(os.path.join(trainer.out, 'resumed.json'), 'w') as f:
            json.dump(record, f, indent=1, sort_keys=True)

    def __call__(self, trainer):
        if trainer.updater.iteration == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', required=True)
    parser.add_argument('--stop', type=int, default=18,
                        help='number of iterations')
    parser.add_argument('--snapshot-every', type=int, default=4)
    parser.add_argument('--seed', type=int, default=0)
    args = parser.parse_args()
    kill_at = int(os.environ.get('TRAIN_KILL_AT_ITERATION', '-1'))
    kill_in_snapshot = int(os.environ.get('TRAIN_KILL_IN_SNAPSHOT', '-1'))

    train, valid = make_datasets()
    numpy.random.seed(args.seed)  # the initializers draw from it
    model = L.Classifier(MLP(16, N_CLASSES))
    optimizer = chainer.optimizers.Adam(alpha=0.01)
    optimizer.setup(model)

    train_iter = chainer.iterators.SerialIterator(
        train, 8, order_sampler=ChainedShuffle())
    valid_iter = chainer.iterators.SerialIterator(
        valid, N_VALID, repeat=False, shuffle=False)
    updater = training.updaters.StandardUpdater(train_iter, optimizer)
    trainer = training.Trainer(updater, (args.stop, 'iteration'),
                               out=args.out)
    trainer.extend(extensions.Evaluator(valid_iter, model),
                   trigger=(2, 'iteration'))
    trainer.extend(extensions.LogReport(trigger=(3, 'iteration')))
    trainer.extend(
        extensions.snapshot_object(model, 'model_best_loss'),
        trigger=triggers.MinValueTrigger('validation/main/loss',
                                         trigger=(6, 'iteration')))
    trainer.extend(
        extensions.snapshot_object(model, 'model_best_accuracy'),
        trigger=triggers.MaxValueTrigger('validation/main/accuracy',
                                         trigger=(6, 'iteration')))
    # Registered after the other snapshots (same priority): Chainer calls
    # each extension's trigger just before the extension, in priority
    # then registration order, so the trainer snapshot taken at an
    # iteration then holds the best-value triggers' state of that same
    # iteration (their summaries include its validation values).
    trainer.extend(
        extensions.snapshot(savefun=make_savefun(kill_in_snapshot),
                            autoload=True),
        trigger=(args.snapshot_every, 'iteration'))
    trainer.extend(Watch(model, optimizer, kill_at))
    trainer.run()
    chainer.serializers.save_npz(os.path.join(args.out, 'final.npz'),
                                 trainer)


if __name__ == '__main__':
    main()
