#!/usr/bin/env python
"""Chainer example: a multi-layer perceptron on MNIST-shaped digits.

A plain Chainer 7 program (it imports ``chainer`` only). Run it on
chainerjax with::

    python -m chainerjax examples/mnist/train_mnist.py

and on real Chainer 7.8.1 with ``python examples/mnist/train_mnist.py``.

The default dataset is scikit-learn's bundled 8x8 digits (no download),
upscaled 3x and padded to 28x28 so that the data looks like MNIST's
(784 pixels in [0, 1], 10 classes). ``--dataset mnist`` uses
``chainer.datasets.get_mnist()`` (downloads MNIST once into Chainer's
dataset cache).

The run uses a Trainer with Evaluator, LogReport, PrintReport, ProgressBar,
PlotReport (``loss.png``, ``accuracy.png``) and a snapshot every epoch;
``--resume result/snapshot_iter_N`` continues from a snapshot.
``--jit`` compiles the training and evaluation steps (chainerjax only).

Quality bar (default flags): validation accuracy >= 0.95.
"""
import argparse
import sys

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions

QUALITY_KEY = 'validation/main/accuracy'
QUALITY_BAR = 0.95


class MLP(chainer.Chain):
    """Three fully connected layers; the input size is inferred."""

    def __init__(self, n_units, n_out):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, n_units)
            self.l2 = L.Linear(None, n_units)
            self.l3 = L.Linear(None, n_out)

    def forward(self, x):
        h1 = F.relu(self.l1(x))
        h2 = F.relu(self.l2(h1))
        return self.l3(h2)


def get_digits(n_test=297, seed=0):
    """scikit-learn's 8x8 digits shaped like ``get_mnist()``'s output.

    Each image is upscaled 3x (24x24), padded to 28x28, scaled to [0, 1]
    and flattened to 784 float32 values; labels are int32. A fixed
    permutation splits the 1797 images into train and test sets.
    """
    from sklearn.datasets import load_digits
    digits = load_digits()
    images = digits.images.astype(numpy.float32) / 16.
    images = images.repeat(3, axis=1).repeat(3, axis=2)
    images = numpy.pad(images, ((0, 0), (2, 2), (2, 2)))
    images = images.reshape(len(images), 28 * 28)
    labels = digits.target.astype(numpy.int32)
    order = numpy.random.RandomState(seed).permutation(len(images))
    test, train = order[:n_test], order[n_test:]
    return (chainer.datasets.TupleDataset(images[train], labels[train]),
            chainer.datasets.TupleDataset(images[test], labels[test]))


def on_chainerjax():
    return chainer.__name__ == 'chainerjax'


def main():
    parser = argparse.ArgumentParser(description='Chainer example: MNIST')
    parser.add_argument('--batchsize', '-b', type=int, default=100,
                        help='Number of images in each mini-batch')
    parser.add_argument('--epoch', '-e', type=int, default=20,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier: -1 or @numpy for the CPU, '
                        'N or @cupy:N for GPU N; on chainerjax also '
                        '@jax:cpu:0, @jax:gpu:N, @jax:tpu:N')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the training from a snapshot')
    parser.add_argument('--unit', '-u', type=int, default=1000,
                        help='Number of units')
    parser.add_argument('--dataset', choices=('digits', 'mnist'),
                        default='digits',
                        help='digits: scikit-learn 8x8 digits upscaled to '
                        '28x28 (no download); mnist: get_mnist()')
    parser.add_argument('--jit', action='store_true',
                        help='Compile the training and evaluation steps '
                        '(chainerjax only)')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed (initial weights, shuffling)')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Disable PlotReport extension')
    args = parser.parse_args()

    if args.jit and not on_chainerjax():
        parser.error('--jit needs chainerjax: run this script with '
                     '"python -m chainerjax train_mnist.py --jit"')
    jit_kwargs = {'jit': True} if args.jit else {}

    numpy.random.seed(args.seed)
    device = chainer.get_device(args.device)

    print('Device: {}'.format(device))
    print('# unit: {}'.format(args.unit))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# epoch: {}'.format(args.epoch))
    print('')

    model = L.Classifier(MLP(args.unit, 10))
    model.to_device(device)
    device.use()

    optimizer = chainer.optimizers.Adam()
    optimizer.setup(model)

    if args.dataset == 'mnist':
        train, test = chainer.datasets.get_mnist()
    else:
        train, test = get_digits()

    train_iter = chainer.iterators.SerialIterator(train, args.batchsize)
    test_iter = chainer.iterators.SerialIterator(test, args.batchsize,
                                                 repeat=False, shuffle=False)

    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, device=device, **jit_kwargs)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    trainer.extend(extensions.Evaluator(test_iter, model, device=device,
                                        **jit_kwargs))
    trainer.extend(extensions.snapshot(n_retains=1), trigger=(1, 'epoch'))
    trainer.extend(extensions.LogReport())
    if args.plot and extensions.PlotReport.available():
        trainer.extend(extensions.PlotReport(
            ['main/loss', 'validation/main/loss'], 'epoch',
            filename='loss.png'))
        trainer.extend(extensions.PlotReport(
            ['main/accuracy', 'validation/main/accuracy'], 'epoch',
            filename='accuracy.png'))
    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss',
         'main/accuracy', 'validation/main/accuracy', 'elapsed_time']))
    trainer.extend(extensions.ProgressBar(update_interval=10))

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()
    report_quality(trainer)


def report_quality(trainer):
    log = trainer.get_extension('LogReport').log
    value = log[-1][QUALITY_KEY] if log else float('nan')
    status = 'reached' if value >= QUALITY_BAR else 'NOT reached'
    print('quality bar: {} = {:.4f} (>= {}) {}'.format(
        QUALITY_KEY, value, QUALITY_BAR, status))


if __name__ == '__main__':
    sys.exit(main())
