"""The MNIST dataset of hand-written digits (``chainer.datasets.mnist``).

The files are downloaded from Chainer's URLs and cached where Chainer
caches them (``<dataset root>/pfnet/chainer/mnist/{train,test}.npz``), in
the same format, so a cache made by Chainer is used as it is.
"""
import numpy

from chainerjax import configuration
from chainerjax.datasets import _mnist_helper
from chainerjax.datasets._mnist_helper import make_npz  # NOQA
from chainerjax.datasets._mnist_helper import preprocess_mnist

_DIRECTORY = 'pfnet/chainer/mnist'
_base_url = 'http://yann.lecun.com/exdb/mnist/'
_train_urls = (_base_url + 'train-images-idx3-ubyte.gz',
               _base_url + 'train-labels-idx1-ubyte.gz')
_test_urls = (_base_url + 't10k-images-idx3-ubyte.gz',
              _base_url + 't10k-labels-idx1-ubyte.gz')


def get_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
              label_dtype=numpy.int32, rgb_format=False):
    """Gets the MNIST dataset (downloading it the first time).

    MNIST holds 70,000 grey-scale 28x28 images of hand-written digits:
    60,000 for training and 10,000 for testing. Pixels are scaled from
    ``0..255`` to ``[0, scale]``.

    Args:
        withlabel (bool): return (image, label) pairs if True, images only
            otherwise.
        ndim (int): the shape of one image: ``1`` gives ``(784,)``, ``2``
            gives ``(28, 28)``, ``3`` gives ``(1, 28, 28)``.
        scale (float): the value of a white pixel.
        dtype: the image dtype (``chainer.config.dtype`` by default).
        label_dtype: the label dtype.
        rgb_format (bool): with ``ndim=3``, repeat the channel three times
            to give ``(3, 28, 28)`` images.

    Returns:
        ``(train, test)``: two :class:`~chainer.datasets.TupleDataset` if
        ``withlabel``, else two arrays of images.
    """
    dtype = configuration.get_dtype(dtype)
    train_raw = _retrieve_mnist_training()
    train = preprocess_mnist(
        train_raw, withlabel, ndim, scale, dtype, label_dtype, rgb_format)
    test_raw = _retrieve_mnist_test()
    test = preprocess_mnist(
        test_raw, withlabel, ndim, scale, dtype, label_dtype, rgb_format)
    return train, test


def _retrieve_mnist_training():
    return _mnist_helper.retrieve(_DIRECTORY, 'train.npz', _train_urls)


def _retrieve_mnist_test():
    return _mnist_helper.retrieve(_DIRECTORY, 'test.npz', _test_urls)
