"""Tiny fake versions of the downloadable datasets' files.

Used both by the tests (served from a local HTTP server) and by
make_fixtures.py, which runs real Chainer on the same files. Only NumPy and
the standard library are needed (SciPy for the SVHN ``.mat`` file).
"""
import gzip
import io
import os
import pickle
import struct
import tarfile

import numpy


def pattern(shape, seed):
    """Deterministic uint8 data covering all byte values (compressible)."""
    n = int(numpy.prod(shape))
    values = (numpy.arange(n, dtype=numpy.int64) * 37 + seed * 101) % 256
    return values.astype(numpy.uint8).reshape(shape)


# ---- MNIST-format (MNIST, Fashion-MNIST, Kuzushiji-MNIST) ----

MNIST_SIZES = {'train': 5, 'test': 3}
MNIST_SEEDS = {'mnist': 1, 'fashion-mnist': 2, 'kuzushiji_mnist': 3}


def mnist_arrays(name, split):
    """``(x, y)``: ``(N, 28, 28)`` images and ``(N,)`` labels."""
    seed = MNIST_SEEDS[name] * 10 + (split == 'test')
    n = MNIST_SIZES[split]
    x = pattern((n, 28, 28), seed)
    y = ((numpy.arange(n) * 3 + seed) % 10).astype(numpy.uint8)
    return x, y


def idx_bytes(array):
    """The gzip'd IDX encoding of a uint8 array."""
    magic = 0x800 + array.ndim
    header = struct.pack('>i', magic) + struct.pack(
        '>' + 'i' * array.ndim, *array.shape)
    return gzip.compress(header + array.tobytes(), mtime=0)


def write_mnist(directory, name):
    """Writes the four files; returns {file name: path}."""
    paths = {}
    for split, prefix in (('train', 'train'), ('test', 't10k')):
        x, y = mnist_arrays(name, split)
        for kind, array in (('images-idx3', x), ('labels-idx1', y)):
            fname = '{}-{}-ubyte.gz'.format(prefix, kind)
            path = os.path.join(directory, name, fname)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'wb') as f:
                f.write(idx_bytes(array))
            paths[fname] = path
    return paths


# ---- CIFAR ----

CIFAR10_BATCH = 2    # examples per training batch (5 batches)
CIFAR_TEST = 3
CIFAR100_TRAIN = 4


def cifar_arrays(name):
    """``{'train_x', 'train_y', 'test_x', 'test_y'}`` (uint8)."""
    seed = 20 if name == 'cifar-10' else 30
    n_classes = 10 if name == 'cifar-10' else 100
    n_train = CIFAR10_BATCH * 5 if name == 'cifar-10' else CIFAR100_TRAIN
    out = {}
    for split, n in (('train', n_train), ('test', CIFAR_TEST)):
        s = seed + (split == 'test')
        out[split + '_x'] = pattern((n, 3072), s)
        out[split + '_y'] = (
            (numpy.arange(n) * 7 + s) % n_classes).astype(numpy.uint8)
    return out


def _add(archive, name, obj, protocol):
    data = pickle.dumps(obj, protocol=protocol)
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    archive.addfile(info, io.BytesIO(data))


def write_cifar(path, name, protocol=2):
    """Writes a fake ``<name>-python.tar.gz`` laid out as the real one."""
    a = cifar_arrays(name)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w') as archive:
        if name == 'cifar-10':
            d = 'cifar-10-batches-py/'
            b = CIFAR10_BATCH
            for i in range(5):
                rows = slice(i * b, (i + 1) * b)
                _add(archive, d + 'data_batch_{}'.format(i + 1), {
                    'batch_label': 'training batch {} of 5'.format(i + 1),
                    'data': a['train_x'][rows],
                    'labels': [int(v) for v in a['train_y'][rows]],
                }, protocol)
            _add(archive, d + 'test_batch', {
                'data': a['test_x'],
                'labels': [int(v) for v in a['test_y']]}, protocol)
        else:
            d = 'cifar-100-python/'
            for split in ('train', 'test'):
                _add(archive, d + split, {
                    'data': a[split + '_x'],
                    'fine_labels': [int(v) for v in a[split + '_y']],
                    'coarse_labels': [int(v) // 5 for v in a[split + '_y']],
                }, protocol)
    with open(path, 'wb') as f:
        f.write(gzip.compress(buf.getvalue(), mtime=0))


# ---- SVHN ----

SVHN_SIZES = {'train': 3, 'test': 2, 'extra': 2}


def svhn_arrays(split):
    """``(X, y)`` as in the ``.mat`` files: ``(32, 32, 3, N)`` uint8 and
    ``(N, 1)`` labels in 1..10 (10 stands for the digit 0)."""
    seed = {'train': 40, 'test': 41, 'extra': 42}[split]
    n = SVHN_SIZES[split]
    X = pattern((32, 32, 3, n), seed)
    y = (numpy.arange(n) * 9 + seed) % 10 + 1
    return X, y.astype(numpy.uint8).reshape(n, 1)


def write_svhn(path, split):
    from scipy import io as sio
    X, y = svhn_arrays(split)
    sio.savemat(path, {'X': X, 'y': y})


# ---- PTB ----

PTB_TEXT = {
    'train': ' the cat sat on the mat \n the dog sat \n a cat ran \n',
    'valid': ' the dog ran \n on a mat \n',
    'test': ' a dog sat on the cat \n',
}


def write_ptb(directory):
    paths = {}
    for split, text in PTB_TEXT.items():
        path = os.path.join(directory, 'ptb.{}.txt'.format(split))
        with open(path, 'w') as f:
            f.write(text)
        paths[split] = path
    return paths
