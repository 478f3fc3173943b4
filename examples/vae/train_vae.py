#!/usr/bin/env python
"""Chainer example: a variational autoencoder on MNIST-shaped digits.

A plain Chainer 7 program (it imports ``chainer`` only). Run it on
chainerjax with::

    python -m chainerjax examples/vae/train_vae.py

and on real Chainer 7.8.1 with ``python examples/vae/train_vae.py``.

The encoder maps an image to the mean and log-variance of a Gaussian over
the latent code; ``F.gaussian`` samples a code (the reparameterization
trick) and the decoder maps it back to Bernoulli logits of the pixels.
The loss is the negative evidence lower bound (ELBO): the reconstruction
term ``F.bernoulli_nll`` plus ``F.gaussian_kl_divergence`` of the code
distribution from the standard normal prior, in nats per image.

The default dataset is scikit-learn's bundled 8x8 digits (no download),
upscaled 3x and padded to 28x28 like MNIST. ``--dataset mnist`` uses
``chainer.datasets.get_mnist()``. Reconstructions and samples are saved as
PNG files in ``--out`` when matplotlib is installed.

Quality bar (default flags): the validation loss (negative ELBO) closes at
least half of the gap between two references: the loss of the best model
that ignores the image content (an independent Bernoulli per pixel with the
training set's mean intensity) and the loss of a perfect reconstruction
(the entropy of the grey pixels, the lowest possible value).
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

QUALITY_RATIO = 0.5


class VAE(chainer.Chain):
    """Variational autoencoder with one hidden layer on each side."""

    def __init__(self, n_in, n_latent, n_h):
        super(VAE, self).__init__()
        with self.init_scope():
            # encoder
            self.le1 = L.Linear(n_in, n_h)
            self.le2_mu = L.Linear(n_h, n_latent)
            self.le2_ln_var = L.Linear(n_h, n_latent)
            # decoder
            self.ld1 = L.Linear(n_latent, n_h)
            self.ld2 = L.Linear(n_h, n_in)

    def forward(self, x, sigmoid=True):
        """Reconstructs ``x`` from the mean code."""
        return self.decode(self.encode(x)[0], sigmoid)

    def encode(self, x):
        h1 = F.tanh(self.le1(x))
        mu = self.le2_mu(h1)
        ln_var = self.le2_ln_var(h1)  # log(sigma ** 2)
        return mu, ln_var

    def decode(self, z, sigmoid=True):
        h1 = F.tanh(self.ld1(z))
        h2 = self.ld2(h1)
        return F.sigmoid(h2) if sigmoid else h2

    def get_loss_func(self, beta=1.0, k=1):
        """Returns the loss function: the negative ELBO per image, with
        ``k`` samples of the code for the reconstruction term."""
        def lf(x):
            mu, ln_var = self.encode(x)
            batchsize = len(mu)
            rec_loss = 0
            for _ in range(k):
                z = F.gaussian(mu, ln_var)
                rec_loss += F.bernoulli_nll(
                    x, self.decode(z, sigmoid=False)) / (k * batchsize)
            kl = F.gaussian_kl_divergence(mu, ln_var) / batchsize
            loss = rec_loss + beta * kl
            chainer.report({'rec_loss': rec_loss, 'kl': kl, 'loss': loss},
                           observer=self)
            return loss
        return lf


def get_digits(n_test=297, seed=0):
    """scikit-learn's 8x8 digits shaped like ``get_mnist()``'s images:
    upscaled 3x, padded to 28x28, in [0, 1], flattened to 784 float32
    values. Returns ``(train, test)`` arrays (labels are not needed)."""
    from sklearn.datasets import load_digits
    images = load_digits().images.astype(numpy.float32) / 16.
    images = images.repeat(3, axis=1).repeat(3, axis=2)
    images = numpy.pad(images, ((0, 0), (2, 2), (2, 2)))
    images = images.reshape(len(images), 28 * 28)
    order = numpy.random.RandomState(seed).permutation(len(images))
    return images[order[n_test:]], images[order[:n_test]]


def independent_pixel_loss(train, test):
    """Bernoulli NLL per image of ``test`` under per-pixel means of
    ``train``: what a model that ignores the image content reaches."""
    p = numpy.clip(train.mean(axis=0), 1e-4, 1 - 1e-4)
    nll = -(test * numpy.log(p) + (1 - test) * numpy.log(1 - p))
    return float(nll.sum(axis=1).mean())


def perfect_reconstruction_loss(test):
    """Bernoulli NLL per image of ``test`` under itself (the entropy of the
    grey pixels): the floor that no model can go below."""
    p = numpy.clip(test, 1e-7, 1 - 1e-7)
    nll = -(test * numpy.log(p) + (1 - test) * numpy.log(1 - p))
    return float(nll.sum(axis=1).mean())


def save_images(x, filename):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(3, 3, figsize=(6, 6), dpi=80)
    for ax, image in zip(axes.flatten(), x):
        ax.imshow(image.reshape(28, 28), cmap='gray', vmin=0., vmax=1.)
        ax.axis('off')
    fig.savefig(filename)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description='Chainer example: VAE')
    parser.add_argument('--dataset', choices=('digits', 'mnist'),
                        default='digits',
                        help='digits: scikit-learn 8x8 digits upscaled to '
                        '28x28 (no download); mnist: get_mnist()')
    parser.add_argument('--initmodel', '-m', type=str,
                        help='Initialize the model from given file')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the optimization from snapshot')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier: -1 or @numpy for the CPU, '
                        'N or @cupy:N for GPU N; on chainerjax also '
                        '@jax:cpu:0, @jax:gpu:N, @jax:tpu:N')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--epoch', '-e', default=30, type=int,
                        help='Number of epochs to learn')
    parser.add_argument('--dim-z', '-z', default=16, type=int,
                        help='Dimension of the latent code')
    parser.add_argument('--dim-h', default=256, type=int,
                        help='Dimension of the hidden layers')
    parser.add_argument('--beta', default=1.0, type=float,
                        help='Weight of the KL term')
    parser.add_argument('--k', '-k', default=1, type=int,
                        help='Number of Monte Carlo samples in the '
                        'reconstruction loss')
    parser.add_argument('--batchsize', '-b', type=int, default=50,
                        help='Number of images in each mini-batch')
    parser.add_argument('--jit', action='store_true',
                        help='Compile the training and evaluation steps '
                        '(chainerjax only)')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed')
    parser.add_argument('--test', action='store_true',
                        help='Use tiny datasets for quick tests')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Do not save images')
    args = parser.parse_args()

    if args.jit and chainer.__name__ != 'chainerjax':
        parser.error('--jit needs chainerjax: run this script with '
                     '"python -m chainerjax train_vae.py --jit"')
    jit_kwargs = {'jit': True} if args.jit else {}

    numpy.random.seed(args.seed)
    device = chainer.get_device(args.device)
    device.use()

    print('Device: {}'.format(device))
    print('# dim z: {}'.format(args.dim_z))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# epoch: {}'.format(args.epoch))
    print('')

    model = VAE(784, args.dim_z, args.dim_h)
    if args.initmodel is not None:
        chainer.serializers.load_npz(args.initmodel, model)
    model.to_device(device)

    optimizer = chainer.optimizers.Adam()
    optimizer.setup(model)

    if args.dataset == 'mnist':
        train, test = chainer.datasets.get_mnist(withlabel=False)
    else:
        train, test = get_digits()
    if args.test:
        train, test = train[:200], test[:100]

    train_iter = chainer.iterators.SerialIterator(train, args.batchsize)
    test_iter = chainer.iterators.SerialIterator(test, args.batchsize,
                                                 repeat=False, shuffle=False)

    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, device=device,
        loss_func=model.get_loss_func(beta=args.beta, k=args.k),
        **jit_kwargs)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)
    trainer.extend(extensions.Evaluator(
        test_iter, model, device=device,
        eval_func=model.get_loss_func(beta=args.beta, k=10), **jit_kwargs))
    trainer.extend(extensions.snapshot(n_retains=1), trigger=(1, 'epoch'))
    trainer.extend(extensions.LogReport())
    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss', 'main/rec_loss',
         'validation/main/rec_loss', 'validation/main/kl',
         'elapsed_time']))
    trainer.extend(extensions.ProgressBar(update_interval=10))

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()
    chainer.serializers.save_npz(os.path.join(args.out, 'model.npz'), model)

    if args.plot and extensions.PlotReport.available():
        # reconstructions of test images and decoded samples of the prior
        x = device.send(numpy.asarray(test[:9]))
        z = device.send(numpy.random.normal(
            0, 1, (9, args.dim_z)).astype(numpy.float32))
        with chainer.using_config('train', False), \
                chainer.no_backprop_mode():
            x_rec = model(x)
            x_sampled = model.decode(z)
        save_images(numpy.asarray(test[:9]),
                    os.path.join(args.out, 'test.png'))
        save_images(chainer.backend.CpuDevice().send(x_rec.array),
                    os.path.join(args.out, 'test_reconstructed.png'))
        save_images(chainer.backend.CpuDevice().send(x_sampled.array),
                    os.path.join(args.out, 'sampled.png'))

    log = trainer.get_extension('LogReport').log
    value = log[-1]['validation/main/loss'] if log else float('nan')
    train, test = numpy.asarray(train), numpy.asarray(test)
    baseline = independent_pixel_loss(train, test)
    floor = perfect_reconstruction_loss(test)
    bar = floor + QUALITY_RATIO * (baseline - floor)
    print('loss of an independent-pixel model: {:.2f}, of a perfect '
          'reconstruction: {:.2f}'.format(baseline, floor))
    status = 'reached' if value < bar else 'NOT reached'
    print('quality bar: validation/main/loss = {:.2f} (< {:.2f} + {} x '
          '({:.2f} - {:.2f}) = {:.2f}) {}'.format(
              value, floor, QUALITY_RATIO, baseline, floor, bar, status))

if __name__ == '__main__':
    sys.exit(main())
