#!/usr/bin/env python
"""Chainer example: SqueezeNet v1.0 (Fire modules) on small RGB images.

A plain Chainer 7 program (it imports ``chainer`` only). Run it on
chainerjax with::

    python -m chainerjax examples/squeezenet/train_squeezenet.py

and on real Chainer 7.8.1 with
``python examples/squeezenet/train_squeezenet.py``. ``--jit`` compiles the
training and evaluation steps (chainerjax only).

The model is in ``squeezenet.py`` beside this file. The default dataset is
scikit-learn's bundled 8x8 digits (no download), upscaled 4x to 32x32 and
coloured: each image gets a random foreground and background colour, so the
three channels carry different values and the colour is no clue to the
class. ``--dataset cifar10`` uses ``chainer.datasets.get_cifar10()``.

Quality bar (default flags): validation accuracy >= 0.90.
"""
import argparse
import sys

import numpy

import chainer
import chainer.links as L
from chainer import training
from chainer.training import extensions

from squeezenet import SqueezeNet

QUALITY_KEY = 'validation/main/accuracy'
QUALITY_BAR = 0.90


def get_colour_digits(n_test=297, seed=0):
    """scikit-learn's 8x8 digits as ``(3, 32, 32)`` float32 colour images
    in [0, 1] with int32 labels: ``(train, test)`` TupleDatasets."""
    from sklearn.datasets import load_digits
    digits = load_digits()
    rng = numpy.random.RandomState(seed)
    ink = digits.images.astype(numpy.float32) / 16.
    ink = ink.repeat(4, axis=1).repeat(4, axis=2)[:, None]
    n = len(ink)
    foreground = rng.uniform(0.5, 1., (n, 3, 1, 1)).astype(numpy.float32)
    background = rng.uniform(0., 0.4, (n, 3, 1, 1)).astype(numpy.float32)
    images = ink * foreground + (1 - ink) * background
    labels = digits.target.astype(numpy.int32)
    order = rng.permutation(n)
    test, train = order[:n_test], order[n_test:]
    return (chainer.datasets.TupleDataset(images[train], labels[train]),
            chainer.datasets.TupleDataset(images[test], labels[test]))


def main():
    parser = argparse.ArgumentParser(
        description='Chainer example: SqueezeNet v1.0')
    parser.add_argument('--dataset', choices=('digits', 'cifar10'),
                        default='digits',
                        help='digits: scikit-learn 8x8 digits as 32x32 '
                        'colour images (no download); cifar10: '
                        'get_cifar10()')
    parser.add_argument('--batchsize', '-b', type=int, default=32,
                        help='Number of images in each mini-batch')
    parser.add_argument('--epoch', '-e', type=int, default=8,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier: -1 or @numpy for the CPU, '
                        'N or @cupy:N for GPU N; on chainerjax also '
                        '@jax:cpu:0, @jax:gpu:N, @jax:tpu:N')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the training from a snapshot')
    parser.add_argument('--jit', action='store_true',
                        help='Compile the training and evaluation steps '
                        '(chainerjax only)')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed')
    parser.add_argument('--test', action='store_true',
                        help='Use tiny datasets for quick tests')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Disable PlotReport extension')
    args = parser.parse_args()

    if args.jit and chainer.__name__ != 'chainerjax':
        parser.error('--jit needs chainerjax: run this script with '
                     '"python -m chainerjax train_squeezenet.py --jit"')
    jit_kwargs = {'jit': True} if args.jit else {}

    numpy.random.seed(args.seed)
    device = chainer.get_device(args.device)
    device.use()

    print('Device: {}'.format(device))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# epoch: {}'.format(args.epoch))
    print('')

    if args.dataset == 'cifar10':
        train, test = chainer.datasets.get_cifar10()
    else:
        train, test = get_colour_digits()
    if args.test:
        train, test = train[:64], test[:32]

    model = L.Classifier(SqueezeNet(n_out=10))
    model.to_device(device)

    optimizer = chainer.optimizers.Adam(alpha=0.0003)
    optimizer.setup(model)

    train_iter = chainer.iterators.SerialIterator(train, args.batchsize)
    test_iter = chainer.iterators.SerialIterator(test, args.batchsize,
                                                 repeat=False, shuffle=False)

    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, device=device, **jit_kwargs)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    trainer.extend(extensions.Evaluator(test_iter, model, device=device,
                                        **jit_kwargs))
    # Halve Adam's step size after epochs 5 and 7.
    trainer.extend(extensions.ExponentialShift('alpha', 0.5),
                   trigger=training.triggers.ManualScheduleTrigger(
                       [5, 7], 'epoch'))
    trainer.extend(extensions.snapshot(n_retains=1), trigger=(1, 'epoch'))
    trainer.extend(extensions.LogReport())
    if args.plot and extensions.PlotReport.available():
        trainer.extend(extensions.PlotReport(
            ['main/loss', 'validation/main/loss'], 'epoch',
            filename='loss.png'))
    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss', 'main/accuracy',
         'validation/main/accuracy', 'elapsed_time']))
    trainer.extend(extensions.ProgressBar(update_interval=10))

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()

    log = trainer.get_extension('LogReport').log
    value = log[-1][QUALITY_KEY] if log else float('nan')
    status = 'reached' if value >= QUALITY_BAR else 'NOT reached'
    print('quality bar: {} = {:.4f} (>= {}) {}'.format(
        QUALITY_KEY, value, QUALITY_BAR, status))


if __name__ == '__main__':
    sys.exit(main())
