"""The CIFAR-10 and CIFAR-100 datasets (``chainer.datasets.cifar``).

The archives are downloaded from Chainer's URLs and converted once into
Chainer's cache files ``<dataset root>/pfnet/chainer/cifar/cifar-10.npz``
and ``cifar-100.npz`` (arrays ``train_x``, ``train_y``, ``test_x``,
``test_y``; uint8), so a cache made by Chainer is used as it is.
"""
import os
import pickle
import tarfile

import numpy

from chainerjax import configuration
from chainerjax.dataset import download
from chainerjax.datasets import tuple_dataset

_DIRECTORY = os.path.join('pfnet', 'chainer', 'cifar')
_urls = {
    'cifar-10': 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
    'cifar-100': 'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz',
}
_KEYS = ('train_x', 'train_y', 'test_x', 'test_y')


def get_cifar10(withlabel=True, ndim=3, scale=1., dtype=None):
    """Gets the CIFAR-10 dataset (downloading it the first time).

    CIFAR-10 holds 60,000 RGB 32x32 images in 10 classes: 50,000 for
    training and 10,000 for testing. Pixel components are scaled from
    ``0..255`` to ``[0, scale]``.

    Args:
        withlabel (bool): return (image, label) pairs if True (labels are
            int32), images only otherwise.
        ndim (int): ``1`` gives ``(3072,)`` images, ``3`` gives
            ``(3, 32, 32)`` images.
        scale (float): the value of a full component.
        dtype: the image dtype (``chainer.config.dtype`` by default).

    Returns:
        ``(train, test)``: two :class:`~chainer.datasets.TupleDataset` if
        ``withlabel``, else two arrays of images.
    """
    return _get_cifar('cifar-10', withlabel, ndim, scale, dtype)


def get_cifar100(withlabel=True, ndim=3, scale=1., dtype=None):
    """Gets the CIFAR-100 dataset (downloading it the first time).

    CIFAR-100 holds 60,000 RGB 32x32 images in 100 classes (the "fine"
    labels): 50,000 for training and 10,000 for testing. The arguments are
    those of :func:`get_cifar10`.

    Args:
        withlabel (bool): return (image, label) pairs if True (labels are
            int32), images only otherwise.
        ndim (int): ``1`` gives ``(3072,)`` images, ``3`` gives
            ``(3, 32, 32)`` images.
        scale (float): the value of a full component.
        dtype: the image dtype (``chainer.config.dtype`` by default).

    Returns:
        ``(train, test)``: two :class:`~chainer.datasets.TupleDataset` if
        ``withlabel``, else two arrays of images.
    """
    return _get_cifar('cifar-100', withlabel, ndim, scale, dtype)


def _get_cifar(name, withlabel, ndim, scale, dtype):
    root = download.get_dataset_directory(_DIRECTORY)
    npz_path = os.path.join(root, '{}.npz'.format(name))

    def creator(path):
        url = _urls[name]
        archive_path = download.cached_download(url)
        with download._reading_download(archive_path, url):
            with tarfile.open(archive_path, 'r:gz') as archive:
                if name == 'cifar-10':
                    raw = _read_cifar10(archive)
                else:
                    raw = _read_cifar100(archive)
        numpy.savez_compressed(path, **raw)
        return raw

    raw = download.cache_or_load_file(
        npz_path, creator, lambda path: download._load_npz(path, _KEYS))
    train = _preprocess_cifar(raw['train_x'], raw['train_y'], withlabel,
                              ndim, scale, dtype)
    test = _preprocess_cifar(raw['test_x'], raw['test_y'], withlabel, ndim,
                             scale, dtype)
    return train, test


def _read_batch(archive, member, label_key):
    d = _pickle_load(archive.extractfile(member))
    x = numpy.asarray(d['data'], dtype=numpy.uint8).reshape(-1, 3072)
    y = numpy.asarray(d[label_key], dtype=numpy.uint8).reshape(-1)
    if len(x) != len(y):
        raise ValueError('{} has {} images and {} labels'.format(
            member, len(x), len(y)))
    return x, y


def _read_cifar10(archive):
    batches = [_read_batch(archive,
                           'cifar-10-batches-py/data_batch_{}'.format(i),
                           'labels')
               for i in range(1, 6)]
    test_x, test_y = _read_batch(
        archive, 'cifar-10-batches-py/test_batch', 'labels')
    return {'train_x': numpy.concatenate([x for x, _ in batches]),
            'train_y': numpy.concatenate([y for _, y in batches]),
            'test_x': test_x, 'test_y': test_y}


def _read_cifar100(archive):
    train_x, train_y = _read_batch(
        archive, 'cifar-100-python/train', 'fine_labels')
    test_x, test_y = _read_batch(
        archive, 'cifar-100-python/test', 'fine_labels')
    return {'train_x': train_x, 'train_y': train_y,
            'test_x': test_x, 'test_y': test_y}


def _preprocess_cifar(images, labels, withlabel, ndim, scale, dtype):
    if ndim == 1:
        images = images.reshape(-1, 3072)
    elif ndim == 3:
        images = images.reshape(-1, 3, 32, 32)
    else:
        raise ValueError('invalid ndim for CIFAR dataset')
    images = images.astype(configuration.get_dtype(dtype))
    images *= scale / 255.
    if withlabel:
        return tuple_dataset.TupleDataset(images, labels.astype(numpy.int32))
    return images


# The CIFAR batches are Python 2 pickles of dicts of lists and NumPy
# arrays. They are read with an unpickler that only builds those (a
# downloaded pickle could otherwise run arbitrary code).
_ALLOWED_GLOBALS = {
    ('numpy.core.multiarray', '_reconstruct'),
    ('numpy._core.multiarray', '_reconstruct'),
    ('numpy.core.multiarray', 'scalar'),
    ('numpy._core.multiarray', 'scalar'),
    ('numpy', 'ndarray'),
    ('numpy', 'dtype'),
    ('copy_reg', '_reconstructor'),
    ('copyreg', '_reconstructor'),
    ('__builtin__', 'object'),
    ('builtins', 'object'),
    # pickles written by Python 3 with protocol 2 encode bytes with this
    ('_codecs', 'encode'),
}


class _ArrayUnpickler(pickle.Unpickler):

    def find_class(self, module, name):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(
                'unexpected object {}.{} in a CIFAR batch'.format(
                    module, name))
        if name == '_reconstruct':
            return numpy.ndarray((0,)).__reduce__()[0]
        if name == 'scalar':
            return numpy.float64(0).__reduce__()[0]
        return super().find_class(module, name)


def _pickle_load(f):
    return _ArrayUnpickler(f, encoding='latin-1').load()
