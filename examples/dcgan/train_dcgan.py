#!/usr/bin/env python
"""Chainer example: a deep convolutional GAN (DCGAN) on 16x16 digits.

A plain Chainer 7 program (it imports ``chainer`` only). Run it on
chainerjax with::

    python -m chainerjax examples/dcgan/train_dcgan.py

and on real Chainer 7.8.1 with ``python examples/dcgan/train_dcgan.py``.

A generator (``L.Linear`` and ``L.Deconvolution2D`` layers with
``L.BatchNormalization``) maps random codes to images; a discriminator
(``L.Convolution2D`` layers with leaky ReLU) scores images as real or
generated. ``DCGANUpdater`` overrides ``update_core`` to update the two
models with their own Adam optimizers from one batch of real images and one
batch of generated ones.

The default dataset is scikit-learn's bundled 8x8 digits (no download),
upscaled by linear interpolation to 16x16. ``--dataset mnist`` uses
``chainer.datasets.get_mnist()`` (downscaled to 16x16).

Quality bar (default flags): the *digit score* of 500 generated images is
at least 4 (of at most 10). The score is the Inception score computed with a
digit classifier (an MLP trained here on the real digits instead of the
Inception network): ``exp(mean KL(p(y|x) || p(y)))``. It is high when each
image is clearly one digit and all ten digits are generated: real digits
score about 8.4, a generator that collapsed onto one digit scores 1.
"""
import argparse
import os
import sys

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions

QUALITY_BAR = 4.0


class Generator(chainer.Chain):
    """Random code -> 4x4 -> 8x8 -> 16x16 image in [0, 1]."""

    def __init__(self, n_hidden, ch=64, wscale=0.02):
        super(Generator, self).__init__()
        self.n_hidden = n_hidden
        self.ch = ch
        with self.init_scope():
            w = chainer.initializers.Normal(wscale)
            self.l0 = L.Linear(n_hidden, 4 * 4 * ch, initialW=w)
            self.dc1 = L.Deconvolution2D(ch, ch // 2, 4, 2, 1, initialW=w)
            self.dc2 = L.Deconvolution2D(ch // 2, 1, 4, 2, 1, initialW=w)
            self.bn0 = L.BatchNormalization(4 * 4 * ch)
            self.bn1 = L.BatchNormalization(ch // 2)

    def make_hidden(self, batchsize):
        return numpy.random.uniform(
            -1, 1, (batchsize, self.n_hidden)).astype(numpy.float32)

    def forward(self, z):
        h = F.relu(self.bn0(self.l0(z)))
        h = F.reshape(h, (len(z), self.ch, 4, 4))
        h = F.relu(self.bn1(self.dc1(h)))
        return F.sigmoid(self.dc2(h))


def add_noise(device, h, sigma=0.05):
    """Gaussian noise on the discriminator's activations (training only):
    it keeps the discriminator from winning too early."""
    if not chainer.config.train:
        return h
    noise = numpy.random.randn(*h.shape).astype(h.dtype) * sigma
    return h + device.send(noise)


class Discriminator(chainer.Chain):
    """Image -> 8x8 -> 4x4 -> one logit (real vs generated)."""

    def __init__(self, ch=64, wscale=0.02):
        super(Discriminator, self).__init__()
        with self.init_scope():
            w = chainer.initializers.Normal(wscale)
            self.c1 = L.Convolution2D(1, ch // 2, 4, 2, 1, initialW=w)
            self.c2 = L.Convolution2D(ch // 2, ch, 4, 2, 1, initialW=w)
            self.l3 = L.Linear(4 * 4 * ch, 1, initialW=w)
            self.bn2 = L.BatchNormalization(ch, use_gamma=False)

    def forward(self, x):
        h = add_noise(self.device, x)
        h = F.leaky_relu(add_noise(self.device, self.c1(h)))
        h = F.leaky_relu(add_noise(self.device, self.bn2(self.c2(h))))
        return self.l3(h)


class DCGANUpdater(training.updaters.StandardUpdater):
    """Updates the discriminator, then the generator, at each iteration."""

    def __init__(self, *args, **kwargs):
        self.gen, self.dis = kwargs.pop('models')
        super(DCGANUpdater, self).__init__(*args, **kwargs)

    def loss_dis(self, dis, y_fake, y_real):
        # softplus(-y) = -log(sigmoid(y)): real images should score high,
        # generated ones low
        batchsize = len(y_fake)
        loss = (F.sum(F.softplus(-y_real)) +
                F.sum(F.softplus(y_fake))) / batchsize
        chainer.report({'loss': loss}, dis)
        return loss

    def loss_gen(self, gen, y_fake):
        batchsize = len(y_fake)
        loss = F.sum(F.softplus(-y_fake)) / batchsize
        chainer.report({'loss': loss}, gen)
        return loss

    def update_core(self):
        gen_optimizer = self.get_optimizer('gen')
        dis_optimizer = self.get_optimizer('dis')

        batch = self.get_iterator('main').next()
        x_real = self.converter(batch, self.device)
        batchsize = len(batch)
        gen, dis = self.gen, self.dis

        y_real = dis(x_real)
        z = self.device.send(gen.make_hidden(batchsize))
        x_fake = gen(z)
        y_fake = dis(x_fake)

        dis_optimizer.update(self.loss_dis, dis, y_fake, y_real)
        gen_optimizer.update(self.loss_gen, gen, y_fake)


def make_optimizer(model, alpha=0.0002, beta1=0.5):
    optimizer = chainer.optimizers.Adam(alpha=alpha, beta1=beta1)
    optimizer.setup(model)
    optimizer.add_hook(chainer.optimizer_hooks.WeightDecay(0.0001))
    return optimizer


def _linear_upsampling(n_in, n_out):
    """The ``(n_out, n_in)`` matrix of linear interpolation between pixel
    centres."""
    position = (numpy.arange(n_out) + 0.5) * n_in / n_out - 0.5
    position = numpy.clip(position, 0, n_in - 1)
    low = numpy.floor(position).astype(int)
    high = numpy.minimum(low + 1, n_in - 1)
    weight = position - low
    matrix = numpy.zeros((n_out, n_in), numpy.float32)
    matrix[numpy.arange(n_out), low] += 1 - weight
    matrix[numpy.arange(n_out), high] += weight
    return matrix


def get_digits():
    """scikit-learn's 8x8 digits, smoothly upscaled to 16x16:
    ``(N, 1, 16, 16)`` float32 images in [0, 1] and int32 labels."""
    from sklearn.datasets import load_digits
    digits = load_digits()
    images = digits.images.astype(numpy.float32) / 16.
    up = _linear_upsampling(8, 16)
    images = numpy.einsum('ij,njk,lk->nil', up, images, up)
    return images[:, None], digits.target.astype(numpy.int32)


def get_mnist_16():
    """MNIST's training images, downscaled to 16x16 (2x2 means of the
    images padded to 32x32)."""
    train, _ = chainer.datasets.get_mnist(ndim=3)
    images, labels = chainer.dataset.concat_examples(train)
    images = numpy.pad(images, ((0, 0), (0, 0), (2, 2), (2, 2)))
    images = images.reshape(-1, 1, 16, 2, 16, 2).mean(axis=(3, 5))
    return images, labels


class DigitClassifier(chainer.Chain):
    """The MLP that scores generated images (see ``digit_score``)."""

    def __init__(self):
        super(DigitClassifier, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, 256)
            self.l2 = L.Linear(256, 10)

    def forward(self, x):
        return self.l2(F.dropout(F.relu(self.l1(x)), 0.2))


def train_digit_classifier(images, labels, device, n_epoch=20):
    """A few epochs of Adam on the real images (accuracy ~0.97)."""
    model = L.Classifier(DigitClassifier())
    model.to_device(device)
    optimizer = chainer.optimizers.Adam()
    optimizer.setup(model)
    order = numpy.random.RandomState(1).permutation(len(images))
    for _ in range(n_epoch):
        for i in range(0, len(order), 100):
            index = order[i:i + 100]
            optimizer.update(model, device.send(images[index]),
                             device.send(labels[index]))
    return model.predictor


def digit_score(classifier, images, device):
    """``exp(E_x[KL(p(y|x) || p(y))])`` with ``classifier``'s p(y|x)."""
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        p = F.softmax(classifier(device.send(images))).array
    p = chainer.backend.CpuDevice().send(p).astype(numpy.float64)
    p_y = p.mean(axis=0)
    kl = (p * (numpy.log(p + 1e-12) - numpy.log(p_y + 1e-12))).sum(axis=1)
    return float(numpy.exp(kl.mean()))


def save_images(gen, device, filename, rows=5, cols=10, seed=0):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    rng = numpy.random.RandomState(seed)
    z = rng.uniform(-1, 1, (rows * cols, gen.n_hidden)).astype(
        numpy.float32)
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        x = gen(device.send(z)).array
    x = chainer.backend.CpuDevice().send(x)
    grid = x.reshape(rows, cols, 16, 16).transpose(0, 2, 1, 3)
    fig = plt.figure(figsize=(cols, rows), dpi=32)
    plt.imshow(grid.reshape(rows * 16, cols * 16), cmap='gray',
               vmin=0., vmax=1.)
    plt.axis('off')
    fig.savefig(filename)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description='Chainer example: DCGAN')
    parser.add_argument('--dataset', choices=('digits', 'mnist'),
                        default='digits',
                        help='digits: scikit-learn 8x8 digits upscaled to '
                        '16x16 (no download); mnist: get_mnist()')
    parser.add_argument('--batchsize', '-b', type=int, default=50,
                        help='Number of images in each mini-batch')
    parser.add_argument('--epoch', '-e', type=int, default=15,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier: -1 or @numpy for the CPU, '
                        'N or @cupy:N for GPU N; on chainerjax also '
                        '@jax:cpu:0, @jax:gpu:N, @jax:tpu:N')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the training from a snapshot')
    parser.add_argument('--n_hidden', '-n', type=int, default=32,
                        help='Number of hidden units (z)')
    parser.add_argument('--ch', type=int, default=64,
                        help='Channels of the last discriminator and '
                        'first generator layer')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed')
    parser.add_argument('--snapshot_interval', type=int, default=100,
                        help='Interval of snapshot (iterations)')
    parser.add_argument('--display_interval', type=int, default=10,
                        help='Interval of displaying log to console')
    parser.add_argument('--test', action='store_true',
                        help='Use tiny datasets for quick tests')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Do not save images')
    args = parser.parse_args()

    numpy.random.seed(args.seed)
    device = chainer.get_device(args.device)
    device.use()

    print('Device: {}'.format(device))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# n_hidden: {}'.format(args.n_hidden))
    print('# epoch: {}'.format(args.epoch))
    print('')

    gen = Generator(n_hidden=args.n_hidden, ch=args.ch)
    dis = Discriminator(ch=args.ch)
    gen.to_device(device)
    dis.to_device(device)

    opt_gen = make_optimizer(gen)
    opt_dis = make_optimizer(dis)

    if args.dataset == 'mnist':
        images, labels = get_mnist_16()
    else:
        images, labels = get_digits()
    if args.test:
        images, labels = images[:100], labels[:100]
    train_iter = chainer.iterators.SerialIterator(images, args.batchsize)

    updater = DCGANUpdater(
        models=(gen, dis), iterator=train_iter,
        optimizer={'gen': opt_gen, 'dis': opt_dis}, device=device)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    snapshot_interval = (args.snapshot_interval, 'iteration')
    display_interval = (args.display_interval, 'iteration')
    trainer.extend(extensions.snapshot(
        filename='snapshot_iter_{.updater.iteration}.npz', n_retains=1),
        trigger=snapshot_interval)
    trainer.extend(extensions.snapshot_object(
        gen, 'gen_iter_{.updater.iteration}.npz', n_retains=1),
        trigger=snapshot_interval)
    trainer.extend(extensions.LogReport(trigger=display_interval))
    trainer.extend(extensions.PrintReport(
        ['epoch', 'iteration', 'gen/loss', 'dis/loss', 'elapsed_time']),
        trigger=display_interval)
    trainer.extend(extensions.ProgressBar(update_interval=10))

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()

    if args.plot and extensions.PlotReport.available():
        save_images(gen, device, os.path.join(args.out, 'generated.png'))

    flat = images.reshape(len(images), -1)
    classifier = train_digit_classifier(flat, labels, device)
    real = digit_score(classifier, flat[:500], device)
    z = device.send(numpy.random.RandomState(2).uniform(
        -1, 1, (500, args.n_hidden)).astype(numpy.float32))
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        x_fake = gen(z).array
    fake = digit_score(classifier, chainer.backend.CpuDevice().send(
        x_fake).reshape(500, -1), device)
    print('digit score of real images: {:.2f}'.format(real))
    status = 'reached' if fake >= QUALITY_BAR else 'NOT reached'
    print('quality bar: digit score of generated images = {:.2f} '
          '(>= {}) {}'.format(fake, QUALITY_BAR, status))


if __name__ == '__main__':
    sys.exit(main())
