#!/usr/bin/env python
"""Chainer example: a VGG-style CNN on CIFAR-shaped images.

A plain Chainer 7 program (it imports ``chainer`` only). Run it on
chainerjax with::

    python -m chainerjax examples/cifar/train_cifar.py

and on real Chainer 7.8.1 with ``python examples/cifar/train_cifar.py``.

The model stacks blocks of convolution, BatchNormalization and ReLU, with
max pooling and dropout between the stages, as VGG does (with fewer and
narrower layers, so that it trains on a CPU in a minute or two).

The default dataset, ``shapes``, is a deterministic synthetic set made here
(no download): 32x32 RGB images of ten shapes (the class) drawn at random
positions and sizes, in random colours on a noisy background.
``--dataset cifar10`` and ``--dataset cifar100`` use
``chainer.datasets.get_cifar10()``/``get_cifar100()`` (they download the
data once into Chainer's dataset cache); use a wider model for those
(``--width 64``) and many more epochs.

Quality bar (default flags): validation accuracy >= 0.90.
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
QUALITY_BAR = 0.90


class Block(chainer.Chain):
    """Convolution, then BatchNormalization, then ReLU."""

    def __init__(self, out_channels, ksize, pad=1):
        super(Block, self).__init__()
        with self.init_scope():
            self.conv = L.Convolution2D(None, out_channels, ksize, pad=pad,
                                        nobias=True)
            self.bn = L.BatchNormalization(out_channels)

    def forward(self, x):
        h = self.conv(x)
        h = self.bn(h)
        return F.relu(h)


class VGG(chainer.Chain):
    """A small VGG: three stages of two 3x3 convolution blocks and a max
    pooling, then two fully connected layers; dropout between the blocks
    of each stage and before each fully connected layer.

    Args:
        class_labels (int): the number of classes.
        width (int): the number of channels of the first stage (doubled at
            each following stage).
    """

    def __init__(self, class_labels=10, width=8):
        super(VGG, self).__init__()
        with self.init_scope():
            self.block1_1 = Block(width, 3)
            self.block1_2 = Block(width, 3)
            self.block2_1 = Block(width * 2, 3)
            self.block2_2 = Block(width * 2, 3)
            self.block3_1 = Block(width * 4, 3)
            self.block3_2 = Block(width * 4, 3)
            self.fc1 = L.Linear(None, width * 8, nobias=True)
            self.bn_fc1 = L.BatchNormalization(width * 8)
            self.fc2 = L.Linear(None, class_labels, nobias=True)

    def forward(self, x):
        # 32x32 -> 16x16
        h = self.block1_1(x)
        h = F.dropout(h, ratio=0.1)
        h = self.block1_2(h)
        h = F.max_pooling_2d(h, ksize=2, stride=2)

        # 16x16 -> 8x8
        h = self.block2_1(h)
        h = F.dropout(h, ratio=0.2)
        h = self.block2_2(h)
        h = F.max_pooling_2d(h, ksize=2, stride=2)

        # 8x8 -> 4x4
        h = self.block3_1(h)
        h = F.dropout(h, ratio=0.2)
        h = self.block3_2(h)
        h = F.max_pooling_2d(h, ksize=2, stride=2)

        h = F.dropout(h, ratio=0.3)
        h = self.fc1(h)
        h = self.bn_fc1(h)
        h = F.relu(h)
        h = F.dropout(h, ratio=0.3)
        return self.fc2(h)


def _shape_masks(yy, xx, r):
    """Boolean masks of the ten shapes, centred at 0 with radius ``r``."""
    ay, ax = abs(yy), abs(xx)
    dist = numpy.sqrt(yy ** 2 + xx ** 2)
    thin = r / 3.
    return [
        numpy.maximum(ay, ax) <= r,                          # square
        dist <= r,                                           # disc
        (dist <= r) & (dist >= r * 0.55),                    # ring
        ((ay <= thin) & (ax <= r)) | ((ax <= thin) & (ay <= r)),  # plus
        ay + ax <= r,                                        # diamond
        (yy <= r) & (yy >= -r) & (ax <= (yy + r) / 2.),      # triangle
        (ay <= thin) & (ax <= r),                            # bar
        (ax <= thin) & (ay <= r),                            # pillar
        ((abs(yy - xx) <= thin) | (abs(yy + xx) <= thin))
        & (numpy.maximum(ay, ax) <= r),                      # cross
        (numpy.maximum(ay, ax) <= r)
        & (numpy.maximum(ay, ax) >= r * 0.55),               # frame
    ]


def get_shapes(n_train=2000, n_test=500, seed=0):
    """A deterministic CIFAR-shaped synthetic dataset (see the module doc).

    Returns ``(train, test)`` TupleDatasets of ``(3, 32, 32)`` float32
    images in [0, 1] and int32 labels, like ``get_cifar10()``.
    """
    rng = numpy.random.RandomState(seed)
    n = n_train + n_test
    grid = numpy.arange(32, dtype=numpy.float32)
    images = numpy.empty((n, 3, 32, 32), numpy.float32)
    labels = numpy.arange(n, dtype=numpy.int32) % 10
    rng.shuffle(labels)
    for i in range(n):
        r = rng.uniform(6., 10.)
        cy, cx = rng.uniform(r - 2., 33. - r, size=2)
        mask = _shape_masks(grid[:, None] - cy, grid[None, :] - cx,
                            r)[labels[i]]
        # a dark background and a light foreground, in random colours
        background = rng.uniform(0., 0.45, size=3)
        foreground = rng.uniform(0.55, 1., size=3)
        image = numpy.where(mask, foreground[:, None, None],
                            background[:, None, None])
        image += rng.normal(0., 0.05, size=image.shape)
        images[i] = numpy.clip(image, 0., 1.)
    return (chainer.datasets.TupleDataset(images[:n_train],
                                          labels[:n_train]),
            chainer.datasets.TupleDataset(images[n_train:],
                                          labels[n_train:]))


def on_chainerjax():
    return chainer.__name__ == 'chainerjax'


def main():
    parser = argparse.ArgumentParser(description='Chainer example: CIFAR')
    parser.add_argument('--dataset', choices=('shapes', 'cifar10',
                                              'cifar100'),
                        default='shapes',
                        help='shapes: synthetic (no download); cifar10, '
                        'cifar100: get_cifar10(), get_cifar100()')
    parser.add_argument('--batchsize', '-b', type=int, default=64,
                        help='Number of images in each mini-batch')
    parser.add_argument('--learnrate', '-l', type=float, default=0.05,
                        help='Learning rate for SGD')
    parser.add_argument('--epoch', '-e', type=int, default=10,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--width', '-w', type=int, default=8,
                        help='Channels of the first stage of the CNN')
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
                        help='Random seed (initial weights, shuffling, '
                        'dropout)')
    parser.add_argument('--test', action='store_true',
                        help='Use tiny datasets for quick tests')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Disable PlotReport extension')
    args = parser.parse_args()

    if args.jit and not on_chainerjax():
        parser.error('--jit needs chainerjax: run this script with '
                     '"python -m chainerjax train_cifar.py --jit"')
    jit_kwargs = {'jit': True} if args.jit else {}

    numpy.random.seed(args.seed)
    device = chainer.get_device(args.device)
    device.use()

    print('Device: {}'.format(device))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# epoch: {}'.format(args.epoch))
    print('')

    if args.dataset == 'cifar10':
        class_labels = 10
        train, test = chainer.datasets.get_cifar10()
    elif args.dataset == 'cifar100':
        class_labels = 100
        train, test = chainer.datasets.get_cifar100()
    else:
        class_labels = 10
        train, test = get_shapes()
    if args.test:
        train, test = train[:128], test[:64]

    model = L.Classifier(VGG(class_labels, args.width))
    model.to_device(device)

    optimizer = chainer.optimizers.MomentumSGD(args.learnrate)
    optimizer.setup(model)
    optimizer.add_hook(chainer.optimizer_hooks.WeightDecay(5e-4))

    train_iter = chainer.iterators.SerialIterator(train, args.batchsize)
    test_iter = chainer.iterators.SerialIterator(test, args.batchsize,
                                                 repeat=False, shuffle=False)

    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, device=device, **jit_kwargs)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    trainer.extend(extensions.Evaluator(test_iter, model, device=device,
                                        **jit_kwargs))
    # Halve the learning rate every 4 epochs.
    trainer.extend(extensions.ExponentialShift('lr', 0.5),
                   trigger=(4, 'epoch'))
    trainer.extend(extensions.snapshot(n_retains=1), trigger=(1, 'epoch'))
    trainer.extend(extensions.LogReport())
    if args.plot and extensions.PlotReport.available():
        trainer.extend(extensions.PlotReport(
            ['main/loss', 'validation/main/loss'], 'epoch',
            filename='loss.png'))
        trainer.extend(extensions.PlotReport(
            ['main/accuracy', 'validation/main/accuracy'], 'epoch',
            filename='accuracy.png'))
    trainer.extend(extensions.observe_lr())
    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss', 'main/accuracy',
         'validation/main/accuracy', 'lr', 'elapsed_time']))
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
